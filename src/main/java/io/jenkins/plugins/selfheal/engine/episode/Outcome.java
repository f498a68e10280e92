package io.jenkins.plugins.selfheal.engine.episode;

import java.util.Locale;

/** How an episode ended. */
public enum Outcome {
    /** Nothing was wrong; no action ran. */
    HEALTHY,
    /** An action fixed the problem. */
    HEALED,
    /** Still failing after the last allowed action. */
    FAILED,
    /** An action handed the problem to a person. */
    ESCALATED,
    /** Recommend-only mode: an action was chosen but not run. */
    RECOMMENDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the field for an unknown word */
    public static Outcome parse(String id) {
        for (Outcome o : values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("outcome: expected healthy, healed, failed, escalated or recommended, got '"
                + id + "'");
    }

    @Override
    public String toString() {
        return id();
    }
}
