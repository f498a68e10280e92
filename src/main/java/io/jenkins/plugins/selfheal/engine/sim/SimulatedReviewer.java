package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;

import java.util.Random;

/**
 * A reviewer who accepts exactly the intended action of the {@link SuccessTable} for the failure it
 * was chosen for, and gives the wrong verdict with probability {@code errorRate} (0 for the CLI's
 * {@code auto}). With {@code overrides}, a reject it means names the intended action instead (Override);
 * a wrong verdict is never an override.
 */
public final class SimulatedReviewer {
    private final double errorRate;
    private final Random random;
    private final SuccessTable table;
    private final boolean overrides;

    public SimulatedReviewer(double errorRate, Random random) {
        this(errorRate, random, SuccessTable.DEFAULT, false);
    }

    public SimulatedReviewer(double errorRate, Random random, SuccessTable table, boolean overrides) {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
        }
        this.errorRate = errorRate;
        this.random = random;
        this.table = table;
        this.overrides = overrides;
    }

    public Feedback review(HealResult result) {
        if (result.lastStep().isEmpty()) {
            return Feedback.none("nothing to review: the deployment was healthy");
        }
        HealAttempt last = result.lastStep().get();
        String failure = result.steps().size() == 1 ? result.initial().failure() : failureOf(last.state());
        boolean right = last.action() == table.intendedAction(failure);
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            return right ? Feedback.rejected() : Feedback.accepted();
        }
        if (right) {
            return Feedback.accepted();
        }
        return overrides ? new Feedback.Overridden(table.intendedAction(failure)) : Feedback.rejected();
    }

    /** {@code latency_issue_UP} → {@code latency_issue}. */
    static String failureOf(String state) {
        int cut = state.lastIndexOf('_');
        return cut < 0 ? state : state.substring(0, cut);
    }
}
