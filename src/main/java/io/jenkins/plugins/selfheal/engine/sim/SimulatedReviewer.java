package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;

import java.util.Random;

/**
 * A reviewer who accepts exactly the intended action for the failure it was chosen for, and
 * gives the wrong verdict with probability {@code errorRate} (0 for the CLI's {@code auto}).
 */
public final class SimulatedReviewer {
    private final double errorRate;
    private final Random random;

    public SimulatedReviewer(double errorRate, Random random) {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
        }
        this.errorRate = errorRate;
        this.random = random;
    }

    public Feedback review(HealResult result) {
        if (result.lastStep().isEmpty()) {
            return Feedback.none("nothing to review: the deployment was healthy");
        }
        HealAttempt last = result.lastStep().get();
        String failure = result.steps().size() == 1 ? result.initial().failure() : failureOf(last.state());
        boolean right = last.action() == SuccessTable.intended(failure);
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            right = !right;
        }
        return right ? Feedback.accepted() : Feedback.rejected();
    }

    /** {@code latency_issue_UP} → {@code latency_issue}. */
    static String failureOf(String state) {
        int cut = state.lastIndexOf('_');
        return cut < 0 ? state : state.substring(0, cut);
    }
}
