package io.jenkins.plugins.selfheal.engine.learn;

import java.util.Locale;

/** Where an episode's review stands: a reviewer's verdict, none at all, or still pending. */
public enum Verdict {
    ACCEPTED, REJECTED, OVERRIDE, NONE,
    /** Waiting for a reviewer (a build page's Accept / Reject / Override). */
    PENDING;

    /** The word used in logs and JSON: accepted, rejected, override, none, pending. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a person judged the decision (accepted, rejected or named a better action). */
    public boolean judged() {
        return this == ACCEPTED || this == REJECTED || this == OVERRIDE;
    }

    /** @throws IllegalArgumentException naming the field for an unknown word */
    public static Verdict parse(String id) {
        for (Verdict v : values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("feedback: expected accepted, rejected, override, none or pending, got '" + id + "'");
    }

    @Override
    public String toString() {
        return id();
    }
}
