package io.jenkins.plugins.selfheal.engine.detect;

import java.util.Objects;
import java.util.Optional;

/** Reports a {@code deployment_failure} when the last deployment did not succeed. */
public final class CrashDetector {

    public Optional<Finding> check(DeploymentResult result) {
        Objects.requireNonNull(result, "result");
        if (result.succeeded()) {
            return Optional.empty();
        }
        // The seed only said "Last deployment attempt failed."; the exit code and message say why.
        String reason = "deployment failed with exit code " + result.exitCode();
        if (!result.message().isBlank()) {
            reason += ": " + result.message().strip();
        }
        return Optional.of(Finding.crash(reason));
    }
}
