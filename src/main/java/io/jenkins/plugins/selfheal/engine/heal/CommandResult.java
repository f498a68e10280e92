package io.jenkins.plugins.selfheal.engine.heal;

import java.time.Duration;
import java.util.Objects;

/** How a command ended: its exit code, how long it took, and the last lines of its output. */
public record CommandResult(int exitCode, Duration duration, String outputTail) {
    public CommandResult {
        Objects.requireNonNull(duration, "duration");
        outputTail = outputTail == null ? "" : outputTail;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public ActionResult toOutcome(String command) {
        String detail = "'" + command + "' exited with " + exitCode + (outputTail.isBlank() ? "" : ": " + outputTail.strip());
        return new ActionResult(succeeded(), duration, detail);
    }
}
