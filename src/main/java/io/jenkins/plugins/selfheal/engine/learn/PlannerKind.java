package io.jenkins.plugins.selfheal.engine.learn;

import java.util.Locale;

/** Which planner a job or a CLI run heals with. */
public enum PlannerKind {
    /** Q-learning, ε-greedy. */
    RL,
    /** Uniform over the allowed actions (the baseline). */
    RANDOM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code rl} or {@code random}, any case; blank means {@code rl}. */
    public static PlannerKind parse(String text) {
        String id = text == null || text.isBlank() ? "rl" : text.trim().toLowerCase(Locale.ROOT);
        for (PlannerKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("planner: expected 'rl' or 'random', got '" + id + "'");
    }

    @Override
    public String toString() {
        return id();
    }
}
