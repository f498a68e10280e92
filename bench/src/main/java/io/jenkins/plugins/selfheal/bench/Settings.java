package io.jenkins.plugins.selfheal.bench;

import java.nio.file.Path;

/**
 * How big a run is: the default (sizes up to 1 GB), {@code --quick} (no 1 GB file) or
 * {@code --smoke} (tiny inputs, few repetitions: checks the entry points run, measures nothing).
 *
 * @param work where generated files go (never committed: under bench/target)
 */
record Settings(boolean quick, boolean smoke, Path work, String javaClassPath) {
    long[] scanSizes() {
        if (smoke) {
            return new long[] {200_000};
        }
        return quick ? new long[] {10_000_000L, 100_000_000L} : new long[] {10_000_000L, 100_000_000L, 1_000_000_000L};
    }

    int[] tableSizes() {
        return smoke ? new int[] {8, 100} : new int[] {8, 1_000, 10_000};
    }

    int seeds() {
        return smoke ? 3 : 100;
    }
}
