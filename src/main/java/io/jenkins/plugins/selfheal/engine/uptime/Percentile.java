package io.jenkins.plugins.selfheal.engine.uptime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Percentiles of latency samples with the nearest-rank definition: sort ascending and take the
 * value at rank {@code ceil(p / 100 × n)} (1-based). The result is always one of the samples, so
 * "p95 of 5 samples" is simply the slowest one; no interpolation invents values nobody measured.
 */
public final class Percentile {
    private Percentile() {
    }

    /** The {@code percent}-th percentile (1–100) of {@code samples}; fails on an empty list. */
    public static Duration nearestRank(List<Duration> samples, int percent) {
        Objects.requireNonNull(samples, "samples");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples must not be empty");
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 1 and 100, got " + percent);
        }
        List<Duration> sorted = samples.stream().map(Objects::requireNonNull).sorted().toList();
        int rank = (percent * sorted.size() + 99) / 100; // ceil without floating point
        return sorted.get(rank - 1);
    }
}
