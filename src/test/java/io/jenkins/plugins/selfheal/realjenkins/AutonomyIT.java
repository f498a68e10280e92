package io.jenkins.plugins.selfheal.realjenkins;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfHeal(autonomy: 'confident')}, {@code selfHeal(mode: 'shadow')}, the heal caps and the
 * administrator's switches for injected failures, in a real Jenkins. ε is 0 so every decision is the
 * policy's greedy one (the gate asks on explorations by design).
 */
class AutonomyIT {
    private static final String CONFIG = "io.jenkins.plugins.selfheal.jenkins.SelfHealAutonomyConfiguration.get()";

    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);

    @BeforeAll
    static void greedy() throws Exception {
        JENKINS.anonymous().script("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration.get().setEpsilon(0.0d)");
    }

    private static List<PageForm> decideForms(Jobs.Build build) throws Exception {
        return JENKINS.anonymous().forms(build.url()).stream().filter(f -> f.action().endsWith("/decide")).toList();
    }

    private static PageForm form(Jobs.Build build, String name) throws Exception {
        return decideForms(build).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no form " + name + " on " + build));
    }

    private static Document autonomyPage(String job) throws Exception {
        return JENKINS.anonymous().page("job/" + job + "/self-heal-autonomy/");
    }

    @Test
    void aConfidentPolicyActsAloneAndARejectMakesItAskAgain() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("trusted", """
                try {
                    selfHeal(simulate: 'crash', feedback: 'wait', autonomy: 'confident', confidenceThreshold: 0.2) { echo 'deploy' }
                } catch (e) {
                    echo "STEP FAILED: ${e.message}"
                }
                """);
        // no verdict yet: confidence 0 < 0.2, so it asks and the build waits
        Jobs.Build first = jobs.build("trusted");
        String asked = jobs.waitForConsole(first, "waiting for feedback");
        assertThat(asked).contains("[Self-Heal] autonomy: asks: confidence 0.00 (retry_deployment in ")
                .contains("< threshold 0.20");
        assertThat(JENKINS.anonymous().submit(form(first, "selfHealAccept"), Map.of()).status()).isEqualTo(302);
        jobs.waitForResult(first);

        // one accept: Wilson lower bound 0.21 ≥ 0.2, the same greedy action, so it acts alone and does not wait
        Jobs.Build second = jobs.build("trusted");
        jobs.waitForResult(second);
        String alone = jobs.console(second);
        assertThat(alone).contains("[Self-Heal] autonomy: acts alone: confidence 0.21 (retry_deployment in ")
                .contains(": 1 accepted, 0 rejected) ≥ threshold 0.20").contains("acted alone; the verdict can still be given")
                .doesNotContain("waiting for feedback");
        Document page = JENKINS.anonymous().page(second.url());
        assertThat(page.select(".self-heal-build__autonomy").text()).startsWith("acts alone: confidence 0.21");
        assertThat(page.text()).contains("Self-Heal acted alone; you can still judge it.");
        // the job page judges "acts alone" at the job's own threshold (0.2), not the global 0.8
        Document trusted = autonomyPage("trusted");
        assertThat(trusted.select("#self-heal-confidence tbody tr").text()).contains("retry_deployment 1 0 0.21 yes");
        assertThat(trusted.select("#self-heal-threshold").text()).isEqualTo("0.20");
        assertThat(trusted.select("#self-heal-threshold-source").text())
                .isEqualTo("the threshold of this job's last heal; the global default is 0.80");

        // the person rejects the autonomous action afterwards: confidence drops at once and the next build asks
        assertThat(JENKINS.anonymous().submit(form(second, "selfHealReject"), Map.of()).status()).isEqualTo(302);
        assertThat(autonomyPage("trusted").select("#self-heal-confidence tbody tr").text()).doesNotContain("1 0 0.21");
        Jobs.Build third = jobs.build("trusted");
        assertThat(jobs.waitForConsole(third, "waiting for feedback")).contains("autonomy: asks: confidence 0.0");
        assertThat(JENKINS.anonymous().submit(form(third, "selfHealAccept"), Map.of()).status()).isEqualTo(302);
        jobs.waitForResult(third);
    }

    @Test
    void aPolicyThatIsNotConfidentAsks() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("doubted", """
                try {
                    selfHeal(simulate: 'crash', feedback: 'wait', autonomy: 'confident') { echo 'deploy' }
                } catch (e) {
                    echo "STEP FAILED: ${e.message}"
                }
                """);
        Jobs.Build build = jobs.build("doubted");
        assertThat(jobs.waitForConsole(build, "waiting for feedback"))
                .contains("autonomy: asks: confidence 0.00").contains("< threshold 0.80");
        assertThat(JENKINS.anonymous().page(build.url()).select(".self-heal-build__autonomy").text())
                .startsWith("asks: confidence 0.00");
        assertThat(decideForms(build)).extracting(PageForm::name).containsExactly("selfHealAccept", "selfHealReject", "selfHealOverride");
        assertThat(JENKINS.anonymous().submit(form(build, "selfHealAccept"), Map.of()).status()).isEqualTo(302);
        jobs.waitForResult(build);
    }

    @Test
    void shadowModeRunsNothingLeavesTheResultAndAsksTheRightAction() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("shadowed", """
                def r = selfHeal(mode: 'shadow', simulate: 'crash', feedback: 'wait') { echo 'deploy' }
                echo "RESULT ${r}"
                """);
        Jobs.Build agreed = jobs.build("shadowed");
        assertThat(jobs.waitForResult(agreed)).isEqualTo("SUCCESS"); // nothing waited, nothing made it UNSTABLE
        assertThat(jobs.console(agreed)).contains("shadow mode: recording what Self-Heal would do: retry_deployment was not run")
                .contains("shadow mode: say on the build page whether retry_deployment was the right action")
                .contains("RESULT [state:deployment_failure_").doesNotContain("waiting for feedback");
        List<PageForm> forms = decideForms(agreed);
        assertThat(forms).extracting(PageForm::name).containsExactly("selfHealAgree", "selfHealPick", "selfHealPick",
                "selfHealPick", "selfHealPick");
        assertThat(JENKINS.anonymous().submit(forms.get(0), Map.of()).status()).isEqualTo(302);

        Jobs.Build other = jobs.build("shadowed");
        assertThat(jobs.waitForResult(other)).isEqualTo("SUCCESS");
        PageForm pick = decideForms(other).stream().filter(f -> f.name().equals("selfHealPick")).findFirst().orElseThrow();
        assertThat(JENKINS.anonymous().submit(pick, Map.of()).status()).isEqualTo(302);
        assertThat(JENKINS.anonymous().page(other.url()).text()).contains("Feedback override (right action:");

        Document page = autonomyPage("shadowed");
        assertThat(page.select("#self-heal-shadow-states tbody tr").text()).matches("deployment_failure_\\w+ 1 2 0\\.50");
        assertThat(page.select("#self-heal-shadow-days tbody tr")).hasSize(1);
        assertThat(page.select("#self-heal-shadow-days tbody tr").text()).endsWith("1 2 0.50");
    }

    @Test
    void inShadowModeAFailedDeploymentStillFailsTheBuild() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("shadow-fails", "selfHeal(mode: 'shadow', feedback: 'wait') { error 'the deployment broke' }");
        Jobs.Build build = jobs.build("shadow-fails");
        assertThat(jobs.waitForResult(build)).isEqualTo("FAILURE");
        assertThat(jobs.console(build)).contains("the deployment broke (shadow mode: Self-Heal ran no action)")
                .doesNotContain("waiting for feedback").doesNotContain("\tat ");
    }

    @Test
    void theHourlyCapRefusesAHealAndSaysWhy() throws Exception {
        Jobs jobs = JENKINS.jobs();
        // a deployment that always fails, so the first heal's outcome (and the next greedy choice) is not drawn at random
        jobs.createPipeline("capped", "selfHeal(feedback: 'none', maxHeals: 1, maxHealsPerHour: 1) { error 'the deployment broke' }");
        Jobs.Build first = jobs.build("capped");
        jobs.waitForResult(first);
        assertThat(jobs.console(first)).contains("→ retry_deployment").doesNotContain("heal refused");
        Jobs.Build refused = jobs.build("capped");
        assertThat(jobs.waitForResult(refused)).isEqualTo("UNSTABLE");
        // retry_deployment failed once (−0.33), so escalate (−0.25) is the greedy choice, and the cap refuses it
        assertThat(jobs.console(refused)).contains("heal refused: 1 heal(s) in the last hour, at most 1 allowed "
                + "(maxHealsPerHour): escalate was not run");
    }

    @Test
    void aFailedHealStartsACoolDownThatRefusesTheNextHeal() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("cooling", "selfHeal(feedback: 'none', maxHeals: 1, coolDownMinutes: 30) { error 'the deployment broke' }");
        Jobs.Build failed = jobs.build("cooling");
        jobs.waitForResult(failed);
        assertThat(jobs.console(failed)).contains("[Self-Heal] retry_deployment").doesNotContain("heal refused");
        Jobs.Build refused = jobs.build("cooling");
        jobs.waitForResult(refused);
        assertThat(jobs.console(refused)).containsPattern("heal refused: cooling down after a failed heal at \\S+ until \\S+ "
                + "\\(coolDownMinutes 30\\): escalate was not run").doesNotContain("\tat ");
    }

    @Test
    void injectedFailuresNeedTheAdministratorsSwitchAndAreLearnedOnlyWhenAllowed() throws Exception {
        Jobs jobs = JENKINS.jobs();
        JENKINS.anonymous().script(CONFIG + ".setAllowInjectedFailures(false)");
        try {
            jobs.createPipeline("injected", "selfHeal(simulate: 'crash', feedback: 'none') { echo 'deploy' }");
            Jobs.Build refused = jobs.build("injected");
            assertThat(jobs.waitForResult(refused)).isEqualTo("FAILURE");
            assertThat(jobs.console(refused)).contains("selfHeal: simulate: injected failures are off on this Jenkins; "
                    + "an administrator can allow them in Manage Jenkins » System » Self-Heal: autonomy and simulation")
                    .doesNotContain("\tat ").doesNotContain("[Self-Heal] state");
        } finally {
            JENKINS.anonymous().script(CONFIG + ".setAllowInjectedFailures(true)");
        }
        JENKINS.anonymous().script(CONFIG + ".setLearnFromSimulated(false)");
        try {
            jobs.createPipeline("unlearned", """
                    try {
                        selfHeal(simulate: 'crash', feedback: 'wait') { echo 'deploy' }
                    } catch (e) {
                        echo "STEP FAILED: ${e.message}"
                    }
                    """);
            Jobs.Build build = jobs.build("unlearned");
            assertThat(jobs.waitForConsole(build, "waiting for feedback"))
                    .contains("simulated episode (simulate: 'crash'): not learned (learning from simulated episodes is off)");
            assertThat(JENKINS.anonymous().page(build.url()).select(".self-heal-build__simulated").text())
                    .contains("an injected crash (simulate), not a real failure; not learned");
            assertThat(JENKINS.anonymous().submit(form(build, "selfHealAccept"), Map.of()).status()).isEqualTo(302);
            jobs.waitForResult(build);
            // nothing learned: no policy at all, or one without a visited cell
            JenkinsClient.Response policy = JENKINS.anonymous().get("job/unlearned/self-heal/api/json?depth=1");
            if (policy.status() != 404) {
                JsonNode view = JENKINS.anonymous().json("job/unlearned/self-heal/api/json?depth=1").path("view");
                view.path("states").forEach(row -> row.path("cells").forEach(cell ->
                        assertThat(cell.path("visits").asLong()).as(view.toString()).isZero()));
            }
            assertThat(autonomyPage("unlearned").select("#self-heal-simulated").text())
                    .isEqualTo("Simulated episodes decided: 0 learned, 1 not learned.");
        } finally {
            JENKINS.anonymous().script(CONFIG + ".setLearnFromSimulated(true)");
        }
    }
}
