package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --environment FILE}: the training batch learns the file's intended policy; a bad file changes nothing. */
class EnvironmentOptionTest {
    @TempDir
    Path dir;

    @Test
    void aTrainingBatchLearnsTheIntendedPolicyOfTheGivenEnvironment() throws IOException {
        CliRun run = new CliRun(dir).run("", "--episodes", "400", "--feedback", "auto", "--seed", "5",
                "--environment", Path.of("environments/rollback-fixes-crashes.json").toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).containsPattern("greedy deployment_failure_DOWN +→ restore_previous_version +\\(intended\\)")
                .containsPattern("greedy latency_issue_UP +→ restart_service +\\(intended\\)")
                .contains("the greedy policy is the intended one in every reachable state");
    }

    @Test
    void aBadEnvironmentFileIsOneLineNamingTheFieldAndChangesNothing() throws IOException {
        Path env = Files.writeString(dir.resolve("env.json"), "{\"deployment_failure\": {\"retry_deployment\": "
                + "{\"probability\": 2}}, \"latency_issue\": {}, \"anomaly\": {}}");
        CliRun run = new CliRun(dir);
        String before = Files.readString(run.dataset("student_scores.csv"));
        run.run("", "--fail-type", "crash", "--feedback", "y", "--environment", env.toString());

        assertThat(run.exitCode).isEqualTo(SelfHealCli.BAD_INPUT);
        assertThat(run.stderr.strip()).isEqualTo("self-heal: " + env + ": $.deployment_failure.retry_deployment.probability: "
                + "must be between 0 and 1, was 2.0");
        assertThat(Files.readString(run.dataset("student_scores.csv"))).isEqualTo(before);
        assertThat(run.logs()).doesNotExist();
    }
}
