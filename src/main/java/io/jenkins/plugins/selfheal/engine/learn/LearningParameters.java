package io.jenkins.plugins.selfheal.engine.learn;

/**
 * Q-learning settings. Defaults are the original simulation's α = 0.1 and ε = 0.1, with γ = 0.9
 * for heals of several steps (a build that tries another action after a failed one).
 *
 * @param alpha   learning rate, in (0, 1]
 * @param epsilon probability of exploring a random allowed action, in [0, 1]
 * @param gamma   discount of the next state's best value after a failed action, in [0, 1]
 * @param tieBreak how equal Q-values are ordered when exploiting
 */
public record LearningParameters(double alpha, double epsilon, double gamma, TieBreak tieBreak) {
    public static final LearningParameters DEFAULTS = new LearningParameters(0.1, 0.1, 0.9, TieBreak.LEAST_VISITED);

    /** The original simulation: no discount and ties to the first action. */
    public static final LearningParameters SEED = new LearningParameters(0.1, 0.1, 0.0, TieBreak.FIRST_ACTION);

    public LearningParameters {
        requireIn("alpha", alpha, Double.MIN_VALUE, 1);
        requireIn("epsilon", epsilon, 0, 1);
        requireIn("gamma", gamma, 0, 1);
        if (tieBreak == null) {
            tieBreak = TieBreak.LEAST_VISITED;
        }
    }

    public LearningParameters(double alpha, double epsilon, double gamma) {
        this(alpha, epsilon, gamma, TieBreak.LEAST_VISITED);
    }

    public LearningParameters withEpsilon(double newEpsilon) {
        return new LearningParameters(alpha, newEpsilon, gamma, tieBreak);
    }

    private static void requireIn(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be between " + (min == Double.MIN_VALUE ? "0 (exclusive)" : min)
                    + " and " + max + ", was " + value);
        }
    }

    /** How the greedy choice orders actions whose Q-values are equal. */
    public enum TieBreak {
        /** Fewest visits first, then catalogue order: every allowed action gets tried once before repeats. */
        LEAST_VISITED,
        /** Catalogue order only (the original simulation's {@code idxmax}). */
        FIRST_ACTION
    }
}
