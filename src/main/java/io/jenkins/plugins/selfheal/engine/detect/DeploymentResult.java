package io.jenkins.plugins.selfheal.engine.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * Outcome of one deployment. The exit code is 0 exactly when the deployment succeeded, so a
 * failure without a process exit code (e.g. an exception) should use a non-zero code such as 1.
 */
public record DeploymentResult(boolean succeeded, int exitCode, String message, Duration duration) {
    public DeploymentResult {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        if (succeeded != (exitCode == 0)) {
            throw new IllegalArgumentException(succeeded
                    ? "a successful deployment must have exit code 0, got " + exitCode
                    : "a failed deployment must have a non-zero exit code");
        }
        message = message == null ? "" : message;
    }

    public static DeploymentResult success(Duration duration) {
        return new DeploymentResult(true, 0, "", duration);
    }

    public static DeploymentResult failure(int exitCode, String message, Duration duration) {
        return new DeploymentResult(false, exitCode, message, duration);
    }
}
