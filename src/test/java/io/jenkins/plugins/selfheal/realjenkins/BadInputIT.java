package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input ends a {@code selfHeal} step with one clear line naming the field, as an
 * {@code AbortException} does, never a Java stack trace: an unknown rule set, a missing data set,
 * paths out of the workspace ({@code dataset} and {@code rules}: absolute, {@code ..}, a symbolic
 * link), a command that cannot be found. Paths are resolved against the workspace.
 */
class BadInputIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);
    private static final AtomicInteger JOBS = new AtomicInteger();
    private static Path outside;

    @BeforeAll
    static void aFolderOutsideEveryWorkspace() throws Exception {
        outside = JENKINS.workDir("outside");
        Files.writeString(outside.resolve("scores.csv"), "student_id,score\n1,90\n");
        Files.writeString(outside.resolve("rules.json"), "{}");
    }

    @Test
    void aDataSetNoBuiltInRuleSetMatchesFailsWithOneLine() throws Exception {
        String console = failing("writeFile file: 'x/passwd', text: 'root:x:0:0\\n'\n"
                + "selfHeal(dataset: 'x/passwd', feedback: 'none') { echo 'deploy' }");
        assertThat(console).contains("ERROR: Self-Heal: rules: no built-in rule set matches passwd");
    }

    @Test
    void anUnknownRuleSetNameFailsWithOneLine() throws Exception {
        String console = failing("writeFile file: 'scores.csv', text: 'student_id,score\\n1,90\\n'\n"
                + "selfHeal(dataset: 'scores.csv', rules: 'no_such_rules', feedback: 'none') { echo 'deploy' }");
        assertThat(console).contains("ERROR: Self-Heal: rules: unknown rule set 'no_such_rules'");
    }

    @Test
    void aMissingDataSetFailsWithOneLine() throws Exception {
        String console = failing("selfHeal(dataset: 'missing.csv', rules: 'student_scores', feedback: 'none') { echo 'deploy' }");
        assertThat(console).containsPattern("ERROR: Self-Heal: dataset: .*missing\\.csv: the data set file does not exist");
    }

    @Test
    void anAbsoluteDataSetPathIsRefused() throws Exception {
        String console = failing("selfHeal(dataset: '" + outside.resolve("scores.csv") + "', feedback: 'none') { echo 'deploy' }");
        assertThat(console).contains("ERROR: Self-Heal: dataset: '" + outside.resolve("scores.csv")
                + "' is an absolute path; give a path inside the workspace");
    }

    @Test
    void aDataSetPathLeavingTheWorkspaceIsRefused() throws Exception {
        String console = failing("selfHeal(dataset: '../../outside/scores.csv', feedback: 'none') { echo 'deploy' }");
        assertThat(console).contains("ERROR: Self-Heal: dataset: '../../outside/scores.csv' leads out of the workspace");
    }

    @Test
    void aSymbolicLinkOutOfTheWorkspaceIsRefused() throws Exception {
        String console = failing("sh 'ln -sfn " + outside + " data'\n"
                + "selfHeal(dataset: 'data/scores.csv', feedback: 'none') { echo 'deploy' }");
        assertThat(console).contains("ERROR: Self-Heal: dataset: 'data/scores.csv' leads out of the workspace "
                + "through a symbolic link");
    }

    @Test
    void rulesOutsideTheWorkspaceAreRefused() throws Exception {
        String absolute = failing("writeFile file: 'scores.csv', text: 'student_id,score\\n1,90\\n'\n"
                + "selfHeal(dataset: 'scores.csv', rules: '" + outside.resolve("rules.json") + "', feedback: 'none') { echo 'deploy' }");
        assertThat(absolute).contains("ERROR: Self-Heal: rules: '" + outside.resolve("rules.json") + "' is an absolute path");
        String parent = failing("writeFile file: 'scores.csv', text: 'student_id,score\\n1,90\\n'\n"
                + "selfHeal(dataset: 'scores.csv', rules: '../../outside/rules.json', feedback: 'none') { echo 'deploy' }");
        assertThat(parent).contains("ERROR: Self-Heal: rules: '../../outside/rules.json' leads out of the workspace");
    }

    @Test
    void aRuleSetFileIsReadFromTheWorkspaceNotBesideTheDataSet() throws Exception {
        // rules.json lies beside the data set (in data/), not at the workspace root: the workspace path decides
        String console = failing("writeFile file: 'data/scores.csv', text: 'student_id,score\\n1,90\\n'\n"
                + "writeFile file: 'data/rules.json', text: '{}'\n"
                + "selfHeal(dataset: 'data/scores.csv', rules: 'rules.json', feedback: 'none') { echo 'deploy' }");
        assertThat(console).containsPattern("ERROR: Self-Heal: rules: .*workspace.*rules\\.json: the rule set file does not exist");
    }

    @Test
    void aCommandThatCannotBeFoundIsOneLineInTheLog() throws Exception {
        // the random planner picks among retry, rollback and escalate: build until the rollback ran once
        // (each build tries it with a chance of 1/3 at least: 30 builds miss it once in 190 000 runs).
        // Nothing wrote to the workspace before: the command still starts there (and is not found)
        String job = "cmd-" + JOBS.incrementAndGet();
        JENKINS.jobs().createPipeline(job, """
                node('built-in') {
                    selfHeal(planner: 'random', simulate: 'crash', rollback: '/no/such/cmd', maxHeals: 3, feedback: 'none') { echo 'deploy' }
                }
                """);
        AtomicInteger builds = new AtomicInteger();
        String console = Waits.value(Duration.ofMinutes(5), () -> "a build of " + job + " that ran the rollback", () -> {
            if (builds.incrementAndGet() > 30) {
                throw new AssertionError("30 builds of " + job + " without a rollback");
            }
            Jobs.Build build = JENKINS.jobs().build(job);
            JENKINS.jobs().waitForResult(build);
            String text = JENKINS.jobs().console(build);
            assertNoStackTrace(text);
            return text.contains("→ restore_previous_version") ? Optional.of(text) : Optional.empty();
        });
        assertThat(console).contains("'/no/such/cmd' exited with 127");
    }

    @Test
    void aRuleSetFileInTheWorkspaceIsUsed() throws Exception {
        String job = "rules-" + JOBS.incrementAndGet();
        JENKINS.jobs().createPipeline(job, """
                node {
                    writeFile file: 'data/orders.csv', text: 'id,amount\\na,10\\n'
                    writeFile file: 'rules/orders.json', text: '{"name": "orders", "columns": [{"name": "id", "type": "text"}, {"name": "amount", "type": "number", "max": 1000}]}'
                    selfHeal(dataset: 'data/orders.csv', rules: 'rules/orders.json', feedback: 'none') {
                        writeFile file: 'data/orders.csv', text: 'id,amount\\na,10\\nb,5000\\n'
                    }
                }
                """);
        Jobs.Build build = JENKINS.jobs().build(job);
        JENKINS.jobs().waitForResult(build);
        String console = JENKINS.jobs().console(build);
        assertNoStackTrace(console);
        assertThat(console).doesNotContain("ERROR: Self-Heal:").contains("[Self-Heal] state anomaly_orders_UP: amount: 5000 above 1000");
    }

    @Test
    void onAnAgentTheCheckRunsThereAndItsErrorsCrossTheChannelAsOneLine() throws Exception {
        InboundAgent agent = JENKINS.startAgent("remote-1", "remote");
        String escape = failing("remote", "selfHeal(dataset: '../../outside.csv', feedback: 'none') { echo 'deploy' }");
        assertThat(escape).contains("Running on remote-1")
                .contains("ERROR: Self-Heal: dataset: '../../outside.csv' leads out of the workspace");
        String missing = failing("remote", "selfHeal(dataset: 'data/missing.csv', rules: 'student_scores', feedback: 'none') "
                + "{ echo 'deploy' }");
        // the agent's path: the check ran on the agent, not on the controller
        assertThat(missing).contains("ERROR: Self-Heal: dataset: " + agent.dir().resolve("workspace")
                .resolve("bad-" + JOBS.get()).resolve("data/missing.csv") + ": the data set file does not exist");
    }

    /** Runs {@code body} inside {@code node} in a new job; asserts FAILURE with no stack trace; returns the console. */
    private static String failing(String body) throws Exception {
        return failing("built-in", body);
    }

    private static String failing(String label, String body) throws Exception {
        String job = "bad-" + JOBS.incrementAndGet();
        JENKINS.jobs().createPipeline(job, "node('" + label + "') {\n" + body + "\n}\n");
        Jobs.Build build = JENKINS.jobs().build(job);
        assertThat(JENKINS.jobs().waitForResult(build)).isEqualTo("FAILURE");
        String console = JENKINS.jobs().console(build);
        assertNoStackTrace(console);
        assertThat(console.lines().filter(l -> l.startsWith("ERROR: ")).toList()).as(console).hasSize(1);
        return console;
    }

    static void assertNoStackTrace(String console) {
        List<String> frames = console.lines().filter(l -> l.matches("\\s+at [\\w.$]+\\(.*")).toList();
        assertThat(frames).as(console).isEmpty();
        assertThat(console).as(console).doesNotContain("java.io.IOException", "Exception:", "Caused by:");
    }
}
