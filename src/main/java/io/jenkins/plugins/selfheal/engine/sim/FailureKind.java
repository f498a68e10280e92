package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.Finding;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of failure the simulator knows: what {@code simulate} and {@code --fail-type} inject, and
 * the rows of a {@link SuccessTable} (every data anomaly, {@code anomaly_*}, shares one row).
 */
public enum FailureKind {
    CRASH(Finding.DEPLOYMENT_FAILURE, Finding.DEPLOYMENT_FAILURE),
    LATENCY(Finding.LATENCY_ISSUE, Finding.LATENCY_ISSUE),
    ANOMALY("anomaly", Finding.ANOMALY_PREFIX + "injected");

    private final String tableKey;
    private final String injectedFailure;

    FailureKind(String tableKey, String injectedFailure) {
        this.tableKey = tableKey;
        this.injectedFailure = injectedFailure;
    }

    /** The key in an environment file: deployment_failure, latency_issue, anomaly. */
    public String tableKey() {
        return tableKey;
    }

    /** The failure's name in a state when it is injected (e.g. {@code anomaly_injected}). */
    public String injectedFailure() {
        return injectedFailure;
    }

    /** The row of a failure named in a state ({@code deployment_failure}, {@code latency_issue}, {@code anomaly_…}). */
    public static FailureKind of(String failure) {
        if (failure.startsWith(Finding.ANOMALY_PREFIX)) {
            return ANOMALY;
        }
        return Finding.LATENCY_ISSUE.equals(failure) ? LATENCY : CRASH;
    }

    /** A {@code simulate} value: crash, latency or anomaly, in any case. */
    public static FailureKind parse(String value) {
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("simulate: unknown failure '" + value + "'; expected one of "
                        + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
