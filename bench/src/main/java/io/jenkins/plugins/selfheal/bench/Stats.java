package io.jenkins.plugins.selfheal.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of measured durations, and the number formats every section prints. */
final class Stats {
    private final long[] sorted;

    Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The nearest-rank percentile, in nanoseconds. */
    long percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
        return percentile(50);
    }

    long min() {
        return sorted[0];
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, nanos >= 100e6 ? "%.0f ms" : nanos >= 10e6 ? "%.1f ms" : "%.2f ms", nanos / 1e6);
    }

    static String us(double nanos) {
        return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f×" : "%.2f×", value);
    }

    static String mbPerSecond(long bytes, double nanos) {
        return String.format(Locale.ROOT, "%.0f MB/s", bytes / 1e6 / (nanos / 1e9));
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    static String met(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
