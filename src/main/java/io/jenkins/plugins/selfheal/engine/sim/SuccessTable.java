package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A simulated environment: per failure type, how likely each action is to clear it and how long it
 * takes. The intended action of a failure (what the simulated reviewer accepts) is the action with the
 * highest probability, ties to the earlier action in the catalogue order ({@link ActionKind}).
 * {@link #DEFAULT} is the author's table (crash → retry, latency → adjust thresholds, data anomaly →
 * restore); {@link EnvironmentFile} reads a user's own.
 */
public final class SuccessTable {
    /** How long a simulated action takes when the table does not say. */
    public static final Duration DEFAULT_DURATION = Duration.ofMillis(200);

    public static final SuccessTable DEFAULT = new SuccessTable(
            probabilities(0.85, 0.50, 0.00, 0.40),
            probabilities(0.20, 0.10, 0.90, 0.30),
            probabilities(0.00, 0.95, 0.00, 0.00));

    /** One action on one failure type: the chance it clears the failure, and how long it runs. */
    public record Cell(double probability, Duration duration) {
        public Cell {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
            }
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative, was " + duration);
            }
        }
    }

    private final Map<FailureKind, Map<ActionKind, Cell>> rows;

    /** Probabilities per failure type (a missing action never clears it); every action takes {@link #DEFAULT_DURATION}. */
    public SuccessTable(Map<ActionKind, Double> crash, Map<ActionKind, Double> latency, Map<ActionKind, Double> anomaly) {
        this(Map.of(FailureKind.CRASH, cells(crash), FailureKind.LATENCY, cells(latency),
                FailureKind.ANOMALY, cells(anomaly)));
    }

    /** Every failure type's row; an action missing from a row never clears it. */
    public SuccessTable(Map<FailureKind, Map<ActionKind, Cell>> rows) {
        EnumMap<FailureKind, Map<ActionKind, Cell>> copy = new EnumMap<>(FailureKind.class);
        for (FailureKind type : FailureKind.values()) {
            Map<ActionKind, Cell> row = rows.get(type);
            if (row == null) {
                throw new IllegalArgumentException(type.tableKey() + ": missing");
            }
            copy.put(type, Map.copyOf(row));
        }
        this.rows = copy;
    }

    /** Probability that {@code action} clears {@code failure}; escalating never clears anything. */
    public double probability(String failure, ActionKind action) {
        return action == ActionKind.ESCALATE ? 0.0 : cell(failure, action).probability();
    }

    /** How long {@code action} runs on {@code failure}. */
    public Duration duration(String failure, ActionKind action) {
        return action == ActionKind.ESCALATE ? Duration.ZERO : cell(failure, action).duration();
    }

    /** The action most likely to clear {@code failure}; a tie goes to the earlier action in the catalogue order. */
    public ActionKind intendedAction(String failure) {
        return Arrays.stream(ActionKind.values())
                .reduce((best, a) -> probability(failure, a) > probability(failure, best) ? a : best).orElseThrow();
    }

    /** The default table's intended action (see {@link #intendedAction}). */
    public static ActionKind intended(String failure) {
        return DEFAULT.intendedAction(failure);
    }

    /** One line per failure type, e.g. {@code latency_issue → adjust_thresholds (p 0.90)}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (FailureKind type : FailureKind.values()) {
            String failure = type == FailureKind.ANOMALY ? Finding.ANOMALY_PREFIX + "any" : type.tableKey();
            ActionKind best = intendedAction(failure);
            text.append(text.length() == 0 ? "" : "; ").append(type.tableKey()).append(" → ").append(best.id())
                    .append(String.format(Locale.ROOT, " (p %.2f)", probability(failure, best)));
        }
        return text.toString();
    }

    private Cell cell(String failure, ActionKind action) {
        Cell cell = rows.get(FailureKind.of(failure)).get(action);
        return cell == null ? new Cell(0, DEFAULT_DURATION) : cell;
    }

    private static Map<ActionKind, Cell> cells(Map<ActionKind, Double> probabilities) {
        Map<ActionKind, Cell> row = new EnumMap<>(ActionKind.class);
        probabilities.forEach((action, p) -> row.put(action, new Cell(p, DEFAULT_DURATION)));
        return row;
    }

    private static Map<ActionKind, Double> probabilities(double retry, double restore, double adjust, double restart) {
        Map<ActionKind, Double> p = new EnumMap<>(ActionKind.class);
        p.put(ActionKind.RETRY_DEPLOYMENT, retry);
        p.put(ActionKind.RESTORE_PREVIOUS_VERSION, restore);
        p.put(ActionKind.ADJUST_THRESHOLDS, adjust);
        p.put(ActionKind.RESTART_SERVICE, restart);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuccessTable other && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }
}
