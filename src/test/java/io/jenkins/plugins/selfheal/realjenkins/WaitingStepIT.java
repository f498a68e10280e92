package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step waiting for feedback across a restart, an abort and its timeout. The timeout build starts
 * first and waits through the whole class (the restart included), so its minute is not spent idle.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitingStepIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);
    static final String WAITING = """
            def r = selfHeal(planner: 'rl', simulate: 'crash', feedback: 'wait'%s) { echo 'deploy' }
            echo "RESULT ${r}"
            """;
    private static Jobs.Build timingOut;

    @BeforeAll
    static void startABuildThatWillTimeOut() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("timeout", WAITING.formatted(", feedbackTimeoutMinutes: 1"));
        timingOut = jobs.build("timeout");
        jobs.waitForConsole(timingOut, "waiting for feedback");
    }

    @Test
    @Order(1)
    void aBuildStillWaitsAfterARestartAndTheDecisionResumesIt() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("restart", WAITING.formatted(""));
        Jobs.Build build = jobs.build("restart");
        jobs.waitForConsole(build, "waiting for feedback");

        JENKINS.restart();

        jobs = JENKINS.jobs();
        jobs.waitForConsole(build, "Resuming build");
        assertThat(JENKINS.anonymous().json(build.url() + "api/json?tree=building").path("building").asBoolean()).isTrue();
        JenkinsClient browser = JENKINS.anonymous();
        PageForm reject = decideForm(browser, build, "selfHealReject");
        assertThat(browser.submit(reject, Map.of()).status()).isEqualTo(302);
        jobs.waitForResult(build);
        assertThat(jobs.console(build)).contains("feedback rejected, reward -1.0").doesNotContain("\tat ");
    }

    @Test
    @Order(2)
    void abortingAWaitingBuildEndsTheWaitAndTheEpisodeCanStillBeDecided() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("abort", WAITING.formatted(""));
        Jobs.Build build = jobs.build("abort");
        jobs.waitForConsole(build, "waiting for feedback");

        jobs.abort(build);

        assertThat(jobs.waitForResult(build)).isEqualTo("ABORTED");
        assertThat(jobs.console(build)).doesNotContain("RESULT", "\tat ");
        JenkinsClient browser = JENKINS.anonymous();
        assertThat(browser.submit(decideForm(browser, build, "selfHealAccept"), Map.of()).status()).isEqualTo(302);
        assertThat(browser.page(build.url()).text()).contains("Feedback accepted");
        assertThat(browser.forms(build.url())).extracting(PageForm::name).doesNotContain("selfHealAccept");
    }

    @Test
    @Order(3)
    void withoutADecisionTheWaitEndsAtTheTimeoutEvenAcrossARestart() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.waitForResult(timingOut, Duration.ofMinutes(5));
        String console = jobs.console(timingOut);
        assertThat(console).contains("Resuming build")
                .contains("no feedback within 1 minutes: learning from the outcome only")
                .containsPattern("outcome \\w+, feedback none, reward")
                .doesNotContain("\tat ");
    }

    static PageForm decideForm(JenkinsClient browser, Jobs.Build build, String name) throws Exception {
        List<PageForm> forms = browser.forms(build.url());
        return forms.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no form " + name + " on " + build.url() + ": " + forms));
    }
}
