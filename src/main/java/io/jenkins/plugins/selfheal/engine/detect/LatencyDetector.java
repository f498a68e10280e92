package io.jenkins.plugins.selfheal.engine.detect;

import io.jenkins.plugins.selfheal.engine.uptime.Percentile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports a {@code latency_issue} when the p95 response time is strictly above the threshold.
 * The p95 (not the mean) is used so one slow request in many does not trigger healing, while a
 * service that is slow most of the time does.
 */
public final class LatencyDetector {
    /**
     * The seed's original threshold. Its later 24000 ms hid its own injected 20000 ms latency;
     * with 16000 ms that injected latency is detected.
     */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(16000);

    private final Duration threshold;

    public LatencyDetector(Duration threshold) {
        this.threshold = requirePositive(threshold, "threshold");
    }

    public Duration threshold() {
        return threshold;
    }

    /** A finding when p95 of {@code samples} exceeds the threshold; none for no samples. */
    public Optional<Finding> check(List<Duration> samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.isEmpty()) {
            return Optional.empty(); // nothing answered: that is the uptime check's business
        }
        Duration p95 = p95(samples);
        if (p95.compareTo(threshold) <= 0) {
            return Optional.empty();
        }
        String reason = String.format("p95 response time %d ms above the %d ms threshold (%d sample%s)",
                p95.toMillis(), threshold.toMillis(), samples.size(), samples.size() == 1 ? "" : "s");
        return Optional.of(Finding.latency(reason));
    }

    /**
     * The 95th percentile with the nearest-rank definition: the sample at 1-based rank
     * {@code ceil(0.95 × n)} of the ascending order (the maximum for up to 19 samples).
     */
    public static Duration p95(List<Duration> samples) {
        return Percentile.nearestRank(samples, 95);
    }

    /**
     * The {@code adjust_thresholds} rule: the current threshold × 1.5, capped at 2 × {@code base}
     * (the configured threshold), so repeated relaxing cannot hide an ever slower service.
     * Returns {@code current} unchanged when it is already at (or above) the cap.
     * From 16000 ms: 24000 ms, then 32000 ms, then 32000 ms.
     */
    public static Duration relaxed(Duration current, Duration base) {
        requirePositive(current, "current");
        Duration cap = relaxCap(base);
        if (current.compareTo(cap) >= 0) {
            return current;
        }
        Duration next = current.multipliedBy(3).dividedBy(2);
        return next.compareTo(cap) > 0 ? cap : next;
    }

    /** Whether {@link #relaxed} would still raise {@code current}. */
    public static boolean canRelax(Duration current, Duration base) {
        return requirePositive(current, "current").compareTo(relaxCap(base)) < 0;
    }

    /** The highest threshold relaxing may reach: 2 × {@code base}. */
    public static Duration relaxCap(Duration base) {
        return requirePositive(base, "base").multipliedBy(2);
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
