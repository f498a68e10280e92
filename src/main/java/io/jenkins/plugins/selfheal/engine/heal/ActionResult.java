package io.jenkins.plugins.selfheal.engine.heal;

import java.time.Duration;
import java.util.Objects;

/** What running one healing action did: whether it reported success, how long it took, and why. */
public record ActionResult(boolean success, Duration duration, String detail) {
    public ActionResult {
        Objects.requireNonNull(duration, "duration");
        detail = detail == null ? "" : detail;
    }

    public static ActionResult succeeded(Duration duration, String detail) {
        return new ActionResult(true, duration, detail);
    }

    public static ActionResult failed(Duration duration, String detail) {
        return new ActionResult(false, duration, detail);
    }
}
