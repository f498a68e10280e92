package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --autonomy} and {@code --mode shadow} in the CLI: the same gate and ledger as a Jenkins job. */
class AutonomyRunTest {
    @TempDir
    Path dir;

    @Test
    void aConfidentRunAsksUntilConfidentThenActsAloneWithoutAPrompt() throws IOException {
        CliRun cli = new CliRun(dir);
        String[] args = {"--fail-type", "crash", "--seed", "3", "--epsilon", "0", "--autonomy", "confident",
                "--confidence-threshold", "0.2", "--feedback", "y"};
        CliRun first = cli.run("", args);
        assertThat(first.stdout).as(first.stdout + first.stderr).contains("[self-heal] autonomy: asks: confidence 0.00 (")
                .contains("< threshold 0.20").contains("[self-heal] feedback accepted");
        assertThat(CliAutonomy.ledgerFile(cli.policy())).exists();

        CliRun second = cli.run("", args);
        assertThat(second.stdout).as(second.stdout + second.stderr).contains("[self-heal] autonomy: acts alone: confidence 0.21 (")
                .contains("1 accepted, 0 rejected) ≥ threshold 0.20").contains("[self-heal] feedback none")
                .doesNotContain("feedback accepted");
        assertThat(Files.readString(cli.logs().resolve("policy.episodes.jsonl"))).contains("acted alone (autonomy confident)");
    }

    @Test
    void shadowModeRunsNothingAndCountsTheAgreement() throws IOException {
        CliRun cli = new CliRun(dir);
        CliRun run = cli.run("", "--fail-type", "crash", "--seed", "3", "--mode", "shadow", "--feedback", "y");
        assertThat(run.stdout).as(run.stdout + run.stderr).containsPattern("shadow mode: recording what Self-Heal would do: \\w+ was not run")
                .contains("outcome: recommended");
        assertThat(run.exitCode).isEqualTo(SelfHealCli.STILL_FAILING);
        assertThat(Files.readString(CliAutonomy.ledgerFile(cli.policy()))).contains("shadowByState").contains("deployment_failure_");
    }

    @Test
    void withoutTheOptionsNothingNewIsWritten() throws IOException {
        CliRun cli = new CliRun(dir);
        cli.run("", "--fail-type", "crash", "--seed", "3", "--feedback", "y");
        assertThat(CliAutonomy.ledgerFile(cli.policy())).doesNotExist();
    }

    @Test
    void badValuesAreOneLineNamingTheOption() throws IOException {
        CliRun bad = new CliRun(dir).run("", "--autonomy", "sometimes");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.stderr).contains("--autonomy: expected ask, confident, auto, got 'sometimes'").doesNotContain("\tat ");
        CliRun batch = new CliRun(dir).run("", "--episodes", "3", "--mode", "shadow");
        assertThat(batch.exitCode).isEqualTo(2);
        assertThat(batch.stderr).contains("--autonomy/--mode: for one run, not a training batch (--episodes)");
        CliRun threshold = new CliRun(dir).run("", "--confidence-threshold", "2");
        assertThat(threshold.exitCode).isEqualTo(2);
        assertThat(threshold.stderr).contains("confidenceThreshold: must be above 0 and at most 1, was 2.0");
    }
}
