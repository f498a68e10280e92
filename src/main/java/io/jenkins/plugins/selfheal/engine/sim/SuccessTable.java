package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * How likely each action is to fix each kind of failure in the simulations, and the author's
 * intended policy (crash → retry, latency → adjust thresholds, data anomaly → restore), which is
 * the best action by construction.
 */
public final class SuccessTable {
    public static final SuccessTable DEFAULT = new SuccessTable(
            probabilities(0.85, 0.50, 0.00, 0.40),
            probabilities(0.20, 0.10, 0.90, 0.30),
            probabilities(0.00, 0.95, 0.00, 0.00));

    private final Map<ActionKind, Double> crash;
    private final Map<ActionKind, Double> latency;
    private final Map<ActionKind, Double> anomaly;

    public SuccessTable(Map<ActionKind, Double> crash, Map<ActionKind, Double> latency, Map<ActionKind, Double> anomaly) {
        this.crash = Map.copyOf(crash);
        this.latency = Map.copyOf(latency);
        this.anomaly = Map.copyOf(anomaly);
    }

    /** Probability that {@code action} fixes {@code failure}; escalating never fixes anything. */
    public double probability(String failure, ActionKind action) {
        return row(failure).getOrDefault(action, 0.0);
    }

    public static ActionKind intended(String failure) {
        if (failure.startsWith(Finding.ANOMALY_PREFIX)) {
            return ActionKind.RESTORE_PREVIOUS_VERSION;
        }
        return Finding.LATENCY_ISSUE.equals(failure) ? ActionKind.ADJUST_THRESHOLDS : ActionKind.RETRY_DEPLOYMENT;
    }

    private Map<ActionKind, Double> row(String failure) {
        if (failure.startsWith(Finding.ANOMALY_PREFIX)) {
            return anomaly;
        }
        return Finding.LATENCY_ISSUE.equals(failure) ? latency : crash;
    }

    private static Map<ActionKind, Double> probabilities(double retry, double restore, double adjust, double restart) {
        Map<ActionKind, Double> p = new EnumMap<>(ActionKind.class);
        p.put(ActionKind.RETRY_DEPLOYMENT, retry);
        p.put(ActionKind.RESTORE_PREVIOUS_VERSION, restore);
        p.put(ActionKind.ADJUST_THRESHOLDS, adjust);
        p.put(ActionKind.RESTART_SERVICE, restart);
        p.put(ActionKind.ESCALATE, 0.0);
        return p;
    }
}
