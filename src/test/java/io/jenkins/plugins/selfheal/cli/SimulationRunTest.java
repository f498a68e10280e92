package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One simulated deployment end to end, as a new user runs it. */
class SimulationRunTest {
    @TempDir
    Path dir;

    private QTable table(CliRun run) throws IOException {
        return new PolicyStore(run.policy(), "policy.json", Clock.systemUTC(), w -> { }).read().table();
    }

    @Test
    void rejectingTheChosenActionLowersItsQValueAndLogsTheEpisode() throws IOException {
        CliRun run = new CliRun(dir).run("n\n", "--planner", "rl", "--fail-type", "crash", "--seed", "1");

        assertThat(run.stdout).contains("USER FEEDBACK REQUIRED", "Problem Detected: deployment_failure_DOWN",
                "Do you accept this action as a good solution for this problem? (y/n): ", "CI/CD simulation finished.");
        QTable table = table(run);
        String state = "deployment_failure_DOWN";
        assertThat(table.states()).contains(state);
        ActionKind chosen = table.row(state).entrySet().stream().filter(e -> e.getValue().visits() == 1)
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        // the default learner's first step is 1/3 (the starting 0 counts as two observations): 0 + (−1 − 0) / 3
        assertThat(table.value(state, chosen)).isEqualTo(-1.0 / 3);
        assertThat(run.logLines("user_feedback_log.csv")).hasSize(2).last().asString()
                .contains(state, chosen.id(), "rejected");
        assertThat(run.logLines("rl_performance_log.csv")).last().asString().endsWith(state + "," + chosen.id() + ",-1");
        assertThat(Files.readAllLines(run.logs().resolve("policy.episodes.jsonl"))).hasSize(1);
        assertThat(run.logLines("rl_log.csv").get(0)).isEqualTo(",retry_deployment,restore_previous_version,"
                + "adjust_thresholds,restart_service,escalate");
    }

    @Test
    void writesTheOriginalLogFilesWithTheirColumns() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "1");

        assertThat(run.logLines("deployment_log.csv").get(0)).isEqualTo("timestamp,dataset_changed,status,response_time_ms,action_type");
        assertThat(run.logLines("deployment_log.csv").get(1)).contains(",failure,2000,deploy");
        assertThat(run.logLines("issue_log.csv")).containsExactly("timestamp,failure_state,reason",
                run.logLines("issue_log.csv").get(1)).element(1).asString().contains(",deployment_failure,deployment failed");
        assertThat(run.logLines("uptime_log.csv").get(0)).isEqualTo("timestamp,status,event");
        assertThat(run.logLines("healing_log.csv").get(0)).isEqualTo("timestamp,strategy,status,response_time_ms");
        assertThat(run.logLines("rl_performance_log.csv").get(0)).isEqualTo("timestamp,state,action,reward");
        assertThat(run.logLines("user_feedback_log.csv").get(0)).isEqualTo("timestamp,state,action,system_outcome,user_feedback");
    }

    @Test
    void numbersAndTimestampsLookLikeTheOriginals() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--epsilon", "0", "--seed", "1");
        assertThat(run.stdout).contains("healed");

        // accepted heal: Q = 0 + (3 − 0) / 3 (the default learner's first step)
        assertThat(run.logLines("rl_log.csv").get(1)).isEqualTo("deployment_failure_DOWN,1,0,0,0,0");
        assertThat(run.logLines("rl_performance_log.csv").get(1)).endsWith(",deployment_failure_DOWN,retry_deployment,3");
        for (String log : List.of("deployment_log.csv", "issue_log.csv", "healing_log.csv", "master_log.csv",
                "rl_performance_log.csv", "user_feedback_log.csv")) {
            assertThat(run.logLines(log).subList(1, run.logLines(log).size())).as(log)
                    .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6},.*"));
        }
    }

    @Test
    void otherAnswersReAskAndAnyCaseIsAccepted() throws IOException {
        CliRun run = new CliRun(dir).run("maybe\n\nYES\n", "--fail-type", "crash", "--seed", "1");

        assertThat(run.stdout.split("\\(y/n\\): ", -1)).hasSize(4);
        assertThat(run.stdout).contains("Please answer y/yes or n/no.", "Feedback recorded: accepted");
        assertThat(run.logLines("user_feedback_log.csv").get(1)).endsWith(",accepted");
    }

    @Test
    void endOfInputMeansNoFeedbackWithAClearMessage() throws IOException {
        CliRun run = new CliRun(dir).run("", "--fail-type", "crash", "--seed", "1");

        assertThat(run.stdout).contains("No feedback: the input ended before an answer", "CI/CD simulation finished.");
        assertThat(run.exitCode).isIn(0, 1);
        assertThat(run.stderr).isEmpty();
        assertThat(Files.readString(run.logs().resolve("policy.episodes.jsonl"))).contains("\"feedback\":\"none\"");
    }

    @Test
    void latencyIsDetectedWithTheDefaultThreshold() throws IOException {
        CliRun run = new CliRun(dir).run("", "--fail-type", "latency", "--seed", "4", "--feedback", "none");

        assertThat(run.stdout).contains("state latency_issue_UP: p95 response time 20000 ms above the 16000 ms threshold");
    }

    @Test
    void forcedAnomaliesReachTheirStatesOnBothDataSets() throws IOException {
        CliRun students = new CliRun(dir).run("", "--force-anomaly", "--seed", "5", "--feedback", "none");
        assertThat(students.stdout).contains("state anomaly_score_UP: score: mean of the 5 rows added by this deployment");

        CliRun patients = new CliRun(dir).run("", "--force-anomaly", "--seed", "5", "--feedback", "none",
                "--dataset", students.dataset("patient_health.csv").toString());
        assertThat(patients.stdout).contains("state anomaly_health_UP: heart_rate: 150 above 120");
    }

    @Test
    void aNormalChangeIsHealthyEvenThoughThePatientFileEndsWithOldAnomalies() throws IOException {
        CliRun run = new CliRun(dir).run("", "--seed", "6", "--dataset", new CliRun(dir).dataset("patient_health.csv").toString());

        assertThat(run.stdout).contains("state no_failure_UP", "no failure detected");
        assertThat(run.exitCode).isZero();
    }

    @Test
    void restoringThePreviousVersionClearsAForcedAnomaly() throws IOException {
        CliRun run = new CliRun(dir);
        Path data = run.dataset("student_scores.csv");
        byte[] original = Files.readAllBytes(data);
        Path seedTable = dir.resolve("prefer-restore.csv");
        Files.writeString(seedTable, ",retry_deployment,restore_previous_version,adjust_thresholds\n"
                + "anomaly_score_UP,0.0,2.0,0.0\n");
        run.run("", "import", "--policy", run.policy().toString(), seedTable.toString());
        assertThat(run.exitCode).isZero();

        run.run("y\n", "--force-anomaly", "--epsilon", "0", "--seed", "7");

        assertThat(run.stdout).contains("→ restore_previous_version", "healed: state no_failure_UP");
        assertThat(run.exitCode).isZero();
        assertThat(Files.readAllBytes(data)).isEqualTo(original);
        assertThat(table(run).value("anomaly_score_UP", ActionKind.RESTORE_PREVIOUS_VERSION)).isEqualTo(2.0 + (3 - 2.0) / 3);
    }

    @Test
    void stillFailingExitsWithOne() throws IOException {
        CliRun run = new CliRun(dir).run("", "--force-anomaly", "--epsilon", "0", "--seed", "8", "--feedback", "n");

        // with an empty table the first action in catalogue order (retry) cannot fix bad data
        assertThat(run.stdout).contains("→ retry_deployment", "still failing", "outcome: failed");
        assertThat(run.exitCode).isEqualTo(1);
    }
}
