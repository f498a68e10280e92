package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** healing_log.csv and the terminal report what an action achieved, not whether it ran. */
class HealingLogTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"adjust_thresholds", "escalate"})
    void anActionThatLeavesACrashInPlaceIsLoggedAsAFailure(String action) throws IOException {
        CliRun run = new CliRun(dir);
        Path table = dir.resolve("prefer.csv");
        Files.writeString(table, "," + action + "\ndeployment_failure_DOWN,2.0\n");
        run.run("", "import", "--policy", run.policy().toString(), table.toString());
        assertThat(run.exitCode).isZero();

        run.run("y\n", "--fail-type", "crash", "--epsilon", "0", "--seed", "1");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stdout).contains("→ " + action, "but did not fix it", "System Outcome: failure")
                .doesNotContain(action + " succeeded");
        assertThat(run.logLines("healing_log.csv")).last().asString().contains("," + action + ",failure,");
        assertThat(run.logLines("master_log.csv")).last().asString().contains("Healing (" + action + ")")
                .contains(",failure,");
    }

    @Test
    void anAcceptedActionThatDidNotHealSaysWhyItsValueWentDown() throws IOException {
        CliRun run = new CliRun(dir);
        Path table = dir.resolve("prefer.csv");
        Files.writeString(table, ",adjust_thresholds\ndeployment_failure_DOWN,2.0\n");
        run.run("", "import", "--policy", run.policy().toString(), table.toString());

        run.run("y\n", "--fail-type", "crash", "--epsilon", "0", "--seed", "1");

        assertThat(run.stdout).contains("feedback accepted, reward +1.0: Q(deployment_failure_DOWN, adjust_thresholds) "
                + "2.000 → 1.667 (accepted but not healed: +1, below this cell's value, so it went down)");
    }
}
