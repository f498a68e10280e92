package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a waiting {@code selfHeal} step ends in a real Jenkins when the usual path is not there: the
 * job's policy reset while builds wait, the build's agent gone before the decision, a decision
 * posted right after a restart; and an escalation marks the step's node UNSTABLE in the flow graph.
 * The waits are long (30 minutes), so a build that ends within the test's deadline ended at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StepEndingIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);
    static final String WAITING = """
            def r = selfHeal(planner: 'rl', simulate: 'crash', feedback: 'wait', feedbackTimeoutMinutes: 30) { echo 'deploy' }
            echo "RESULT ${r}"
            """;
    static final String NOT_LEARNED = "the job's policy was reset or replaced while this build waited; this episode is not learned";
    /** Well below the 30-minute feedback timeout: the build did not wait for it. */
    static final Duration AT_ONCE = Duration.ofMinutes(2);

    @Test
    @Order(1)
    void aResetOfThePolicyLetsTheJobsWaitingBuildsGoOnAtOnceUnlearned() throws Exception {
        Jobs jobs = JENKINS.jobs();
        // the first build learns without waiting, so the job has a policy (and a page to reset it)
        jobs.createPipeline("reset-me", WAITING.replace("feedback: 'wait'", "feedback: currentBuild.number == 1 ? 'none' : 'wait'"));
        jobs.waitForResult(jobs.build("reset-me"));
        jobs.createPipeline("other-job", WAITING);
        // two builds of the job wait, and a build of another job
        Jobs.Build first = jobs.build("reset-me");
        Jobs.Build second = jobs.build("reset-me");
        Jobs.Build elsewhere = jobs.build("other-job");
        for (Jobs.Build b : List.of(first, second, elsewhere)) {
            jobs.waitForConsole(b, "waiting for feedback");
        }

        JenkinsClient.Response reset = JENKINS.anonymous().post("job/reset-me/self-heal/reset", Map.of("confirm", "true"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(302);

        for (Jobs.Build b : List.of(first, second)) {
            String result = jobs.waitForResult(b, AT_ONCE);
            String console = jobs.console(b);
            assertThat(console.split(Pattern.quote(NOT_LEARNED), -1)).as(console).hasSize(2); // exactly one line
            assertThat(result).as(console).isEqualTo(expectedResult(outcome(console, "none")));
            assertThat(console).contains("reward 0.0").doesNotContain("\tat ", "StalePolicyException");
            assertThat(JENKINS.anonymous().forms(b.url())).extracting(PageForm::name).doesNotContain("selfHealAccept");
        }
        // nothing learned from the episodes of the old policy
        JENKINS.anonymous().json("job/reset-me/self-heal/api/json?depth=2").path("view").path("states")
                .forEach(row -> row.path("cells").forEach(cell -> assertThat(cell.path("visits").asLong()).isZero()));
        // the other job's build still waits
        assertThat(JENKINS.anonymous().json(elsewhere.url() + "api/json?tree=building").path("building").asBoolean()).isTrue();
        jobs.abort(elsewhere);
        jobs.waitForResult(elsewhere);
    }

    @Test
    @Order(2)
    void anEscalationMarksTheStepsNodeUnstableInTheFlowGraphNotOnlyTheBuild() throws Exception {
        Jobs jobs = JENKINS.jobs();
        // the deployment always fails: a retry does not heal it, then only escalating is left
        jobs.createPipeline("escalates", """
                stage('deploy') {
                    selfHeal(maxHeals: 2, feedback: 'none') { error 'the deployment failed' }
                }
                """);
        Jobs.Build build = jobs.build("escalates");

        assertThat(jobs.waitForResult(build)).isEqualTo("UNSTABLE");
        assertThat(outcome(jobs.console(build), "none")).isEqualTo("escalated");
        String warnings = JENKINS.anonymous().script("""
                def run = jenkins.model.Jenkins.get().getItemByFullName('escalates').getBuildByNumber(%d)
                new org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner().allNodes(run.execution).each { n ->
                    def w = n.getPersistentAction(org.jenkinsci.plugins.workflow.actions.WarningAction)
                    if (w != null) { println "${n.displayFunctionName}: ${w.result}: ${w.message}" }
                }
                null
                """.formatted(build.number()));
        assertThat(warnings.strip()).isEqualTo("selfHeal: UNSTABLE: Self-Heal escalated deployment_failure_UP: "
                + "a person has to look at this deployment");
    }

    @Test
    @Order(3)
    void aDecisionEndsTheStepWhileTheBuildsAgentIsOffline() throws Exception {
        InboundAgent agent = JENKINS.startAgent("gone", "gone");
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("agent-goes", "node('gone') {\n" + WAITING + "}\n");
        Jobs.Build build = jobs.build("agent-goes");
        jobs.waitForConsole(build, "waiting for feedback");

        agent.stop();
        agent.waitOnline(JENKINS.anonymous(), false);
        JenkinsClient browser = JENKINS.anonymous();
        assertThat(browser.submit(decideForm(browser, build, "selfHealAccept"), Map.of()).status()).isEqualTo(302);

        String result = jobs.waitForResult(build, AT_ONCE);
        String console = jobs.console(build);
        assertThat(console).doesNotContain("\tat ", "Unable to create live FilePath");
        assertThat(result).as(console).isEqualTo(expectedResult(outcome(console, "accepted")));
    }

    @Test
    @Order(4)
    void aDecisionPostedRightAfterARestartResumesTheBuildAtOnce() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("restarted", WAITING);
        Jobs.Build build = jobs.build("restarted");
        jobs.waitForConsole(build, "waiting for feedback");

        JENKINS.restart();
        JenkinsClient browser = JENKINS.anonymous(); // at once: Jenkins may still be resuming the build
        assertThat(browser.submit(decideForm(browser, build, "selfHealReject"), Map.of()).status()).isEqualTo(302);

        jobs = JENKINS.jobs();
        String result = jobs.waitForResult(build, AT_ONCE);
        String console = jobs.console(build);
        assertThat(result).as(console).isEqualTo(expectedResult(outcome(console, "rejected")));
        assertThat(console).contains("Resuming build").doesNotContain("\tat ");
    }

    private static PageForm decideForm(JenkinsClient browser, Jobs.Build build, String name) throws Exception {
        List<PageForm> forms = browser.forms(build.url());
        return forms.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no form " + name + " on " + build.url() + ": " + forms));
    }

    private static String outcome(String console, String feedback) {
        Matcher m = Pattern.compile("outcome (\\w+), feedback " + feedback + ", reward").matcher(console);
        assertThat(m.find()).as(console).isTrue();
        return m.group(1);
    }

    private static String expectedResult(String outcome) {
        return switch (outcome) {
            case "failed" -> "FAILURE";
            case "escalated", "recommended" -> "UNSTABLE";
            default -> "SUCCESS";
        };
    }
}
