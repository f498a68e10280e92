package io.jenkins.plugins.selfheal.engine.heal;

import java.time.Duration;
import java.util.Objects;

/** What running one healing action did: whether it reported success, how long it took, and why. */
public record ActionOutcome(boolean success, Duration duration, String detail) {
    public ActionOutcome {
        Objects.requireNonNull(duration, "duration");
        detail = detail == null ? "" : detail;
    }

    public static ActionOutcome succeeded(Duration duration, String detail) {
        return new ActionOutcome(true, duration, detail);
    }

    public static ActionOutcome failed(Duration duration, String detail) {
        return new ActionOutcome(false, duration, detail);
    }
}
