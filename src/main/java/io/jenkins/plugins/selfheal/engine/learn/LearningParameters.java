package io.jenkins.plugins.selfheal.engine.learn;

/**
 * Q-learning settings. Defaults are the original simulation's α = 0.1 and ε = 0.1, with γ = 0.9
 * for heals of several steps (a build that tries another action after a failed one), ties to the
 * least-visited action, and a new state's row starting from its sibling's values
 * ({@link InitialValues#SIBLINGS}).
 *
 * @param alpha         learning rate, in (0, 1]
 * @param epsilon       probability of exploring a random allowed action, in [0, 1]
 * @param gamma         discount of the next state's best value after a failed action, in [0, 1]
 * @param tieBreak      how equal Q-values are ordered when exploiting (null: {@link TieBreak#LEAST_VISITED})
 * @param initialValues the Q-values a state's row starts with when the state is first seen
 *                      (null: {@link InitialValues#SIBLINGS})
 * @param learner       how verdicts become values (null: {@link Learner#EVIDENCE})
 */
public record LearningParameters(double alpha, double epsilon, double gamma, TieBreak tieBreak,
                                 InitialValues initialValues, Learner learner) {
    public static final LearningParameters DEFAULTS = new LearningParameters(0.1, 0.1, 0.9, TieBreak.LEAST_VISITED,
            InitialValues.SIBLINGS, Learner.EVIDENCE);

    /** The original simulation: no discount, ties to the first action, every new row at zero, a constant α. */
    public static final LearningParameters SEED = new LearningParameters(0.1, 0.1, 0.0, TieBreak.FIRST_ACTION,
            InitialValues.ZERO, Learner.CLASSIC);

    public LearningParameters {
        requireAlpha(alpha);
        requireEpsilon(epsilon);
        requireGamma(gamma);
        if (tieBreak == null) {
            tieBreak = TieBreak.LEAST_VISITED;
        }
        if (initialValues == null) {
            initialValues = InitialValues.SIBLINGS;
        }
        if (learner == null) {
            learner = Learner.EVIDENCE;
        }
    }

    /** With the default learner ({@link Learner#EVIDENCE}). */
    public LearningParameters(double alpha, double epsilon, double gamma, TieBreak tieBreak, InitialValues initialValues) {
        this(alpha, epsilon, gamma, tieBreak, initialValues, Learner.EVIDENCE);
    }

    /** With the default initial values ({@link InitialValues#SIBLINGS}). */
    public LearningParameters(double alpha, double epsilon, double gamma, TieBreak tieBreak) {
        this(alpha, epsilon, gamma, tieBreak, InitialValues.SIBLINGS);
    }

    public LearningParameters(double alpha, double epsilon, double gamma) {
        this(alpha, epsilon, gamma, TieBreak.LEAST_VISITED);
    }

    public LearningParameters withEpsilon(double newEpsilon) {
        return new LearningParameters(alpha, newEpsilon, gamma, tieBreak, initialValues, learner);
    }

    public LearningParameters withInitialValues(InitialValues newInitialValues) {
        return new LearningParameters(alpha, epsilon, gamma, tieBreak, newInitialValues, learner);
    }

    public LearningParameters withLearner(Learner newLearner) {
        return new LearningParameters(alpha, epsilon, gamma, tieBreak, initialValues, newLearner);
    }

    /** Learning rate: greater than 0 and at most 1. */
    public static double requireAlpha(double value) {
        return requireIn("alpha", value, Double.MIN_VALUE, 1);
    }

    /** Exploration rate: from 0 to 1. */
    public static double requireEpsilon(double value) {
        return requireIn("epsilon", value, 0, 1);
    }

    /** Discount factor: from 0 to 1. */
    public static double requireGamma(double value) {
        return requireIn("gamma", value, 0, 1);
    }

    private static double requireIn(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be between " + (min == Double.MIN_VALUE ? "0 (exclusive)" : min)
                    + " and " + max + ", was " + value);
        }
        return value;
    }

    /** How verdicts become values: see {@link Evidence}. */
    public enum Learner {
        /** The original: every update moves the value by α towards its target; a row's values are what is stored. */
        CLASSIC,
        /**
         * Makes the most of each verdict ({@link Evidence}): a cell's first updates average its rewards
         * (step 1/(n+2), never below α), an action not yet tried in a state is valued by what its UP/DOWN
         * sibling learned, and escalating (which never heals) is tried after every untried remedy.
         */
        EVIDENCE
    }

    /** How the greedy choice orders actions whose Q-values are equal. */
    public enum TieBreak {
        /** Fewest visits first, then catalogue order: every allowed action gets tried once before repeats. */
        LEAST_VISITED,
        /** Catalogue order only (the original simulation's {@code idxmax}). */
        FIRST_ACTION
    }

    /**
     * The Q-values a state's row starts with when the state is first seen (by a decision, or by the
     * learner under the store lock). Either way the cells stay unvisited (visits 0), so the row still
     * counts as unexplored, is shown as unvisited, and its first update is {@code prior + α (target − prior)}.
     */
    public enum InitialValues {
        /** Every cell 0 (the original simulation). */
        ZERO,
        /**
         * A prior from the sibling state: {@code <failure>_UP} starts with the current Q-values of
         * {@code <failure>_DOWN} and the other way round (the same failure usually needs the same remedy
         * whether or not the service still answers); 0 when the sibling is unknown or the name has no
         * {@code _UP} / {@code _DOWN} suffix. Values only, never visit counts.
         */
        SIBLINGS
    }
}
