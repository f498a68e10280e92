package io.jenkins.plugins.selfheal.engine.detect;

import java.io.Serializable;
import java.util.Objects;

/**
 * A problem a detector found: the failure name used in state names ({@code deployment_failure},
 * {@code latency_issue}, {@code anomaly_<name>}) and a reason a person can read.
 */
public record Finding(String failure, String reason) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEPLOYMENT_FAILURE = "deployment_failure";
    public static final String LATENCY_ISSUE = "latency_issue";
    public static final String NO_FAILURE = "no_failure";
    public static final String ANOMALY_PREFIX = "anomaly_";

    public Finding {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(reason, "reason");
    }

    public static Finding crash(String reason) {
        return new Finding(DEPLOYMENT_FAILURE, reason);
    }

    public static Finding latency(String reason) {
        return new Finding(LATENCY_ISSUE, reason);
    }

    /** A data anomaly found by the rule set called {@code ruleSet}, e.g. {@code anomaly_score}. */
    public static Finding anomaly(String ruleSet, String reason) {
        return new Finding(ANOMALY_PREFIX + ruleSet, reason);
    }

    public boolean isAnomaly() {
        return failure.startsWith(ANOMALY_PREFIX);
    }
}
