package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code evaluate}: a candidate's estimates on a policy's recorded episodes; read-only; bad input is one line. */
class EvaluateCommandTest {
    @TempDir
    Path dir;
    private CliRun run;

    @BeforeEach
    void recordEpisodes() throws IOException {
        run = new CliRun(dir).run("", "--episodes", "150", "--feedback", "auto", "--seed", "3");
        assertThat(run.exitCode).as(run.stderr).isZero();
    }

    @Test
    void otherSettingsAreEstimatedPerStateAndOverallWithIntervals() throws IOException {
        byte[] before = Files.readAllBytes(run.policy());
        run.run("", "evaluate", "--policy", run.policy().toString(), "--epsilon", "0.02", "--resamples", "200");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).contains("150 recorded episodes (0 healthy, 0 without a recorded probability",
                        "candidate: the recorded episodes learned with α=0.1, ε=0.02, γ=0.9")
                .containsPattern("latency_issue_UP +\\d+ +[\\d.]+ +-?[\\d.]+ → -?[\\d.]+ \\[-?[\\d.]+, -?[\\d.]+\\]")
                .containsPattern("overall +150 ");
        assertThat(Files.readAllBytes(run.policy())).isEqualTo(before);
    }

    @Test
    void anotherPolicyFileIsACandidate() throws IOException {
        Path exported = dir.resolve("other.json");
        run.run("", "export", "--policy", run.policy().toString(), "--out", exported.toString());
        run.run("", "evaluate", "--policy", run.policy().toString(), "--candidate", exported.toString(), "--resamples", "100");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).contains("candidate: the policy " + exported + " (ε=0.1)").containsPattern("overall +150 ");
    }

    @Test
    void aCandidateAndSettingsTogetherOrNeitherIsBadUsage() throws IOException {
        run.run("", "evaluate", "--policy", run.policy().toString());
        assertThat(run.exitCode).isEqualTo(SelfHealCli.BAD_INPUT);
        assertThat(run.stderr.strip()).isEqualTo("self-heal: evaluate: give either --candidate FILE or at least one of --alpha, --epsilon, --gamma");

        run.run("", "evaluate", "--policy", run.policy().toString(), "--candidate", "x.json", "--alpha", "0.2");
        assertThat(run.exitCode).isEqualTo(SelfHealCli.BAD_INPUT);

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": 3");
        run.run("", "evaluate", "--policy", run.policy().toString(), "--candidate", broken.toString());
        assertThat(run.exitCode).isEqualTo(SelfHealCli.BAD_INPUT);
        assertThat(run.stderr.lines()).hasSize(1).first().asString().startsWith("self-heal: ").contains("broken.json");

        run.run("", "evaluate", "--policy", run.policy().toString(), "--epsilon", "1.5");
        assertThat(run.exitCode).isEqualTo(SelfHealCli.BAD_INPUT);
        assertThat(run.stderr.strip()).isEqualTo("self-heal: --epsilon: epsilon must be between 0.0 and 1.0, was 1.5");
    }
}
