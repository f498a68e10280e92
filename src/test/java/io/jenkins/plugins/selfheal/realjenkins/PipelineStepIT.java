package io.jenkins.plugins.selfheal.realjenkins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The .hpi in a real Jenkins, and the {@code selfHeal} step's main flow: wait, decide on the build page, learn. */
class PipelineStepIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);

    @Test
    void theHpiInstallsAndIsActiveWithoutErrors() throws Exception {
        JsonNode plugins = JENKINS.anonymous().json("pluginManager/api/json?depth=1&tree=plugins[shortName,active,enabled,version]");
        JsonNode selfHeal = null;
        for (JsonNode plugin : plugins.path("plugins")) {
            if (plugin.path("shortName").asText().equals("self-heal")) {
                selfHeal = plugin;
            }
        }
        assertThat(selfHeal).as("self-heal in the plugin manager").isNotNull();
        assertThat(selfHeal.path("active").asBoolean()).isTrue();
        assertThat(selfHeal.path("enabled").asBoolean()).isTrue();
        assertThat(JENKINS.log().lines().filter(l -> (l.contains("SEVERE") || l.contains("Exception"))
                && (l.toLowerCase().contains("self-heal") || l.contains("selfheal")))).isEmpty();
    }

    @Test
    void aWaitingStepIsDecidedFromTheBuildPageAndTheJobLearns() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("decide", """
                try {
                    def r = selfHeal(planner: 'rl', simulate: 'crash', feedback: 'wait') { echo 'deploy' }
                    echo "RESULT ${r}"
                } catch (e) {
                    echo "STEP FAILED: ${e.message}"
                }
                """);
        Jobs.Build build = jobs.build("decide");
        jobs.waitForConsole(build, "waiting for feedback");

        JenkinsClient browser = JENKINS.anonymous();
        List<PageForm> forms = browser.forms(build.url()).stream().filter(f -> f.action().endsWith("/decide")).toList();
        assertThat(forms).extracting(PageForm::name).containsExactly("selfHealAccept", "selfHealReject", "selfHealOverride");
        assertThat(forms.get(2).options().get("override")).hasSize(4);
        assertThat(jobs.console(build)).doesNotContain("RESULT", "STEP FAILED");

        JenkinsClient.Response decided = browser.submit(forms.get(0), Map.of());
        assertThat(decided.status()).as(decided.body()).isEqualTo(302);
        String result = jobs.waitForResult(build);

        String console = jobs.console(build);
        Matcher outcome = Pattern.compile("outcome (\\w+), feedback accepted, reward ([-\\d.]+)").matcher(console);
        assertThat(outcome.find()).as(console).isTrue();
        // exploration (ε = 0.1) may pick escalate: a build that escalated is UNSTABLE, any other ends SUCCESS
        assertThat(result).as(console).isEqualTo(outcome.group(1).equals("escalated") ? "UNSTABLE" : "SUCCESS");
        double reward = Double.parseDouble(outcome.group(2));
        if (outcome.group(1).equals("failed")) {
            assertThat(console).contains("STEP FAILED: ");
        } else {
            assertThat(console).containsPattern("RESULT \\[state:\\w+, action:\\w+, outcome:" + outcome.group(1)
                    + ", feedback:accepted, reward:" + Pattern.quote(outcome.group(2)) + "]");
        }

        // the job learned: one cell visited once, Q = 0 + (reward − 0) / 3 (the default learner's first step, see Evidence)
        JsonNode view = browser.json("job/decide/self-heal/api/json?depth=2").path("view");
        List<JsonNode> visited = new ArrayList<>();
        view.path("states").forEach(row -> row.path("cells").forEach(cell -> {
            if (cell.path("visits").asLong() > 0) {
                visited.add(cell);
            }
        }));
        assertThat(visited).as(view.toString()).hasSize(1);
        assertThat(visited.get(0).path("visits").asLong()).isEqualTo(1);
        assertThat(visited.get(0).path("q").asDouble()).isCloseTo(reward / 3, offset(1e-9));
        assertThat(view.path("states").toString()).contains("deployment_failure_");
    }

    @Test
    void withoutABodyAPipelineChecksAnEarlierDeploymentWithSelfHealCheck() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("check-later", """
                node {
                  catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') { sh 'exit 1' }
                  selfHealCheck(feedback: 'none')
                }
                """);
        Jobs.Build build = jobs.build("check-later");
        assertThat(jobs.waitForResult(build)).isEqualTo("FAILURE");
        assertThat(jobs.console(build)).contains("[Self-Heal] state deployment_failure_")
                .contains("the build had failed before Self-Heal ran").doesNotContain("\tat ");
    }
}
