package io.jenkins.plugins.selfheal.engine.heal;

import io.jenkins.plugins.selfheal.engine.detect.LatencyDetector;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The latency threshold a deployment is judged by, and what {@code adjust_thresholds} does to it:
 * relax it within the bound of {@link LatencyDetector#relaxed}, reporting every change.
 */
public final class LatencyThreshold {
    private final Duration base;
    private final Consumer<Duration> onRelaxed;
    private Duration current;

    /** @param current the threshold in force (a previous relaxation may have raised it); never below {@code base} */
    public LatencyThreshold(Duration base, Duration current, Consumer<Duration> onRelaxed) {
        this.base = Objects.requireNonNull(base, "base");
        this.current = current.compareTo(base) < 0 ? base : current;
        this.onRelaxed = Objects.requireNonNull(onRelaxed, "onRelaxed");
    }

    public Duration current() {
        return current;
    }

    /** Whether {@code adjust_thresholds} can still do something (masked at the bound). */
    public boolean canRelax() {
        return LatencyDetector.canRelax(current, base);
    }

    /** The {@code adjust_thresholds} action. */
    public ActionResult relax(Duration took) {
        Duration before = current;
        current = LatencyDetector.relaxed(current, base);
        onRelaxed.accept(current);
        return ActionResult.succeeded(took, "latency threshold " + before.toMillis() + " ms → " + current.toMillis()
                + " ms (bound " + LatencyDetector.relaxCap(base).toMillis() + " ms)");
    }
}
