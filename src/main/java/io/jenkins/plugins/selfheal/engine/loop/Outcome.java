package io.jenkins.plugins.selfheal.engine.loop;

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
}
