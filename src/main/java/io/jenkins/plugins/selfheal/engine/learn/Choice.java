package io.jenkins.plugins.selfheal.engine.learn;

/** How a planner came to its action: part of every decision's explanation. */
public enum Choice {
    /** The highest Q-value among the allowed actions. */
    EXPLOIT,
    /** A uniformly random allowed action, taken with probability ε. */
    EXPLORE,
    /** Training mode: an allowed action never tried in this state. */
    UNTRIED,
    /** The random planner: uniform over the allowed actions. */
    RANDOM;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
