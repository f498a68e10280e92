package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrashDetectorTest {
    private final CrashDetector detector = new CrashDetector();

    @Test
    void failedDeploymentIsACrash() {
        DeploymentResult failed = DeploymentResult.failure(2, "app.py not found\n", Duration.ofMillis(2000));

        assertThat(detector.check(failed))
                .contains(Finding.crash("deployment failed with exit code 2: app.py not found"));
    }

    @Test
    void failureWithoutMessageStillSaysTheExitCode() {
        assertThat(detector.check(DeploymentResult.failure(137, null, Duration.ZERO)).map(Finding::reason))
                .contains("deployment failed with exit code 137");
    }

    @Test
    void successfulDeploymentIsNoFinding() {
        assertThat(detector.check(DeploymentResult.success(Duration.ofMillis(20000)))).isEmpty();
    }

    @Test
    void exitCodeMustMatchTheOutcome() {
        assertThatThrownBy(() -> DeploymentResult.failure(0, "boom", Duration.ZERO)).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> new DeploymentResult(true, 1, "", Duration.ZERO)).hasMessageContaining("exit code 0");
        assertThatThrownBy(() -> DeploymentResult.success(Duration.ofMillis(-1))).hasMessageContaining("duration");
    }
}
