package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code selfHeal} steps in {@code parallel} branches of one build: each gets a panel of its
 * own on the build page, each panel's forms post to its own URL, and a click decides that panel's
 * episode only (the other branch keeps waiting until its own panel is used).
 */
class ParallelBranchesIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);

    @Test
    void eachPanelDecidesItsOwnEpisode() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("branches", """
                parallel left: {
                    selfHeal(simulate: 'crash', feedback: 'wait') { echo 'deploy left' }
                    echo 'LEFT RESUMED'
                }, right: {
                    selfHeal(simulate: 'crash', feedback: 'wait') { echo 'deploy right' }
                    echo 'RIGHT RESUMED'
                }, failFast: false
                """);
        Jobs.Build build = jobs.build("branches");
        Waits.until(Waits.DEFAULT, () -> "two waiting steps in " + build, () ->
                count(jobs.console(build), "waiting for feedback") == 2);

        JenkinsClient browser = JENKINS.anonymous();
        List<PageForm> panels = decideForms(browser, build);
        assertThat(panels).extracting(PageForm::name).containsExactly("selfHealAccept", "selfHealReject",
                "selfHealOverride", "selfHealAccept", "selfHealReject", "selfHealOverride");
        String first = panels.get(0).action();
        String second = panels.get(3).action();
        assertThat(first).as("the two panels post to different URLs").isNotEqualTo(second);
        assertThat(panels.subList(0, 3)).extracting(PageForm::action).containsOnly(first);
        assertThat(panels.subList(3, 6)).extracting(PageForm::action).containsOnly(second);
        assertThat(first).startsWith(JENKINS.url() + build.url()).endsWith("/decide");
        assertThat(second).startsWith(JENKINS.url() + build.url()).endsWith("/decide");

        // Reject on the first panel: exactly one branch resumes, the other still waits with its panel
        assertThat(browser.submit(panels.get(1), Map.of()).status()).isEqualTo(302);
        String afterFirst = jobs.waitForConsole(build, "feedback rejected");
        assertThat(count(afterFirst, "feedback accepted")).isZero();
        List<PageForm> left = decideForms(browser, build);
        assertThat(left).hasSize(3).extracting(PageForm::action).containsOnly(second);
        assertThat(jobs.console(build)).doesNotContain("Finished:");

        // Accept on the other: the second branch resumes with its own decision, the build ends
        assertThat(browser.submit(left.get(0), Map.of()).status()).isEqualTo(302);
        // the outcomes are random (injected failures, ε-exploration): a heal that failed fails the build, an
        // exploration that escalated leaves it UNSTABLE; what this test proves is the panels, not the outcome
        assertThat(jobs.waitForResult(build)).isIn("SUCCESS", "UNSTABLE", "FAILURE");
        String console = jobs.console(build);
        assertThat(count(console, "feedback rejected")).as(console).isEqualTo(1);
        assertThat(count(console, "feedback accepted")).as(console).isEqualTo(1);
        assertThat(decideForms(browser, build)).isEmpty();
    }

    private static List<PageForm> decideForms(JenkinsClient browser, Jobs.Build build) throws Exception {
        return browser.forms(build.url()).stream().filter(f -> f.action().endsWith("/decide")).toList();
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
