package io.jenkins.plugins.selfheal.engine.episode;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Episodes built by hand for tests: one action in a failing state, pending or decided. */
public final class TestEpisodes {
    private TestEpisodes() {
    }

    /** A pending one-action episode of build {@code job#7} (generation gen-1), as a build record keeps it. */
    public static Episode pending(String state, ActionKind action, Choice choice, boolean success, String detail,
                                  String stateAfter, Outcome outcome, Long timeToHealMs) {
        Decision decision = new Decision("rl", state, action, choice, 0.1, Map.of(action, 0.0),
                Set.of(ActionKind.ESCALATE, action));
        HealAttempt step = new HealAttempt(decision, new ActionResult(success, Duration.ofMillis(10), detail), stateAfter,
                outcome == Outcome.HEALED, Set.of(ActionKind.ESCALATE, action));
        Observation initial = new Observation(Optional.of(new Finding("deployment_failure", "exit 1")),
                UptimeReading.down(List.of(), "exit 1"), state);
        HealResult heal = new HealResult("rl", "gen-1", initial, List.of(step), outcome,
                Optional.ofNullable(timeToHealMs).map(Duration::ofMillis));
        return Episode.pending(heal, "job#7", "job/x/7/", Instant.parse("2026-11-25T10:00:00Z"));
    }

    /** {@code pending} decided by {@code by} at 10:05 with {@code reward}, learning nothing. */
    public static Episode decided(Episode pending, Feedback feedback, String by, double reward) {
        return pending.decided(feedback, by, Instant.parse("2026-11-25T10:05:00Z"), reward, List.of());
    }
}
