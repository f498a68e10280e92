package io.jenkins.plugins.selfheal.engine.autonomy;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Locale;

/**
 * How sure a team can be that people accept {@code action} in {@code state}: the lower bound of the
 * 95% Wilson score interval on its acceptance rate. Few verdicts give a low bound however good they
 * were (one accept: 0.21; ten: 0.72; sixteen: 0.81), and a reject lowers it at once.
 */
public record Confidence(String state, ActionKind action, long accepted, long rejected, double lowerBound) {
    /** z for a two-sided 95% interval. */
    static final double Z = 1.959964;

    public static Confidence of(String state, ActionKind action, Judgement counts) {
        return new Confidence(state, action, counts.accepted(), counts.rejected(), wilsonLowerBound(counts.accepted(),
                counts.accepted() + counts.rejected()));
    }

    /** The Wilson lower bound of {@code successes} in {@code trials}; 0 without trials. */
    public static double wilsonLowerBound(long successes, long trials) {
        if (trials <= 0) {
            return 0.0;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0.0, (centre - spread) / (1 + z2 / n));
    }

    /** e.g. {@code 0.72 (retry_deployment in deployment_failure_DOWN: 10 accepted, 0 rejected)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%.2f", lowerBound) + " (" + action.id() + " in " + state + ": " + accepted
                + " accepted, " + rejected + " rejected)";
    }
}
