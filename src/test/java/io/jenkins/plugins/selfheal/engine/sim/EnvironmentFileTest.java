package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environment files shipped in environments/ and what a bad one says. */
class EnvironmentFileTest {
    static final Path SHIPPED = Path.of("environments");

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("env.json"), json);
    }

    @Test
    void theShippedDefaultIsTheBuiltInTable() {
        assertThat(EnvironmentFile.load(SHIPPED.resolve("default.json"))).isEqualTo(SuccessTable.DEFAULT);
    }

    @Test
    void theIntendedActionIsTheMostLikelyOneOfEachShippedTable() {
        SuccessTable rollback = EnvironmentFile.load(SHIPPED.resolve("rollback-fixes-crashes.json"));
        assertThat(rollback.intendedAction("deployment_failure")).isEqualTo(ActionKind.RESTORE_PREVIOUS_VERSION);
        assertThat(rollback.intendedAction("latency_issue")).isEqualTo(ActionKind.RESTART_SERVICE);
        assertThat(rollback.intendedAction("anomaly_score")).isEqualTo(ActionKind.RESTORE_PREVIOUS_VERSION);
        assertThat(rollback.probability("deployment_failure", ActionKind.ADJUST_THRESHOLDS)).isZero();
        assertThat(rollback.duration("deployment_failure", ActionKind.RESTORE_PREVIOUS_VERSION)).isEqualTo(Duration.ofSeconds(90));

        SuccessTable restart = EnvironmentFile.load(SHIPPED.resolve("restart-heals.json"));
        assertThat(restart.intendedAction("deployment_failure")).isEqualTo(ActionKind.RESTART_SERVICE);
        assertThat(restart.intendedAction("latency_issue")).isEqualTo(ActionKind.RESTART_SERVICE);
        assertThat(restart.intendedAction("anomaly_health")).isEqualTo(ActionKind.RETRY_DEPLOYMENT);
        assertThat(SuccessTable.DEFAULT.describe()).isEqualTo("deployment_failure → retry_deployment (p 0.85); "
                + "latency_issue → adjust_thresholds (p 0.90); anomaly → restore_previous_version (p 0.95)");
    }

    @Test
    void aTieGoesToTheEarlierActionInTheCatalogue() throws IOException {
        SuccessTable table = EnvironmentFile.load(write("""
                {"deployment_failure": {"restart_service": {"probability": 0.6}, "restore_previous_version": {"probability": 0.6}},
                 "latency_issue": {"adjust_thresholds": {"probability": 1}},
                 "anomaly": {"retry_deployment": {"probability": 0.1, "seconds": 3}}}"""));
        assertThat(table.intendedAction("deployment_failure")).isEqualTo(ActionKind.RESTORE_PREVIOUS_VERSION);
        assertThat(table.duration("anomaly_x", ActionKind.RETRY_DEPLOYMENT)).isEqualTo(Duration.ofSeconds(3));
        assertThat(table.duration("latency_issue", ActionKind.ADJUST_THRESHOLDS)).isEqualTo(SuccessTable.DEFAULT_DURATION);
    }

    @Test
    void aBadFileIsOneLineNamingTheFileAndTheJsonPath() throws IOException {
        String rows = "\"latency_issue\": {\"adjust_thresholds\": {\"probability\": 0.9}}, "
                + "\"anomaly\": {\"restore_previous_version\": {\"probability\": 0.9}}";
        assertBad("{\"deployment_failure\": {\"retry_deployment\": {\"probability\": 1.5}}, " + rows + "}",
                "$.deployment_failure.retry_deployment.probability: must be between 0 and 1, was 1.5");
        assertBad("{\"deployment_failure\": {\"retry_deployment\": {\"probability\": \"high\"}}, " + rows + "}",
                "$.deployment_failure.retry_deployment.probability: expected a number");
        assertBad("{\"deployment_failure\": {\"retry_deployment\": {\"seconds\": 3}}, " + rows + "}",
                "$.deployment_failure.retry_deployment.probability: missing");
        assertBad("{\"deployment_failure\": {\"reboot\": {\"probability\": 0.5}}, " + rows + "}",
                "$.deployment_failure.reboot: unknown action");
        assertBad("{\"deployment_failure\": {\"escalate\": {\"probability\": 0.5}}, " + rows + "}",
                "$.deployment_failure.escalate: unknown action");
        assertBad("{\"deployment_failure\": {\"retry_deployment\": {\"probability\": 0.5, \"cost\": 1}}, " + rows + "}",
                "$.deployment_failure.retry_deployment.cost: unknown field");
        assertBad("{\"deployment_failure\": {\"retry_deployment\": {\"probability\": 0.5, \"seconds\": -1}}, " + rows + "}",
                "$.deployment_failure.retry_deployment.seconds: must be between 0 and 86400");
        assertBad("{\"deployment_failure\": {\"retry_deployment\": {\"probability\": 0}}, " + rows + "}",
                "$.deployment_failure: no action can clear this failure");
        assertBad("{" + rows + "}", "$.deployment_failure: missing");
        assertBad("{\"crash\": {}, " + rows + "}", "$.crash: unknown failure type");
        assertBad("[1]", "$: expected an object");
        assertBad("{\"deployment_failure\": ", "not valid JSON at line 1");
        assertThatThrownBy(() -> EnvironmentFile.load(dir.resolve("missing.json")))
                .hasMessage(dir.resolve("missing.json") + ": file not found");
    }

    private void assertBad(String json, String message) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> EnvironmentFile.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
