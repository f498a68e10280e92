package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionOutcome;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.HealStep;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A heal waiting for feedback, as plain data: an episode entry with feedback {@code pending}.
 * Jenkins keeps it with the build (restart-safe) and learns from it when someone clicks; the
 * conversion back gives the learner exactly what it would have had at decision time.
 */
public final class EpisodeDrafts {
    public static final String PENDING = "pending";

    private EpisodeDrafts() {
    }

    public static LogEntry.EpisodeEntry draft(HealResult result, String episodeId, String link, Instant at) {
        return new LogEntry.EpisodeEntry(episodeId, at.toString(), result.generation(), result.planner(),
                result.initial().failure(), result.initial().reason(), result.initial().state(),
                result.steps().stream().map(EpisodeDrafts::step).toList(), result.outcome().id(), PENDING,
                null, null, null, null, 0.0, result.timeToHeal().map(Duration::toMillis).orElse(null), link, List.of());
    }

    /** The heal a draft describes (the uptime reading is summarised: only its status and reason survive). */
    public static HealResult result(LogEntry.EpisodeEntry draft) {
        String failure = draft.failure();
        Optional<Finding> finding = Finding.NO_FAILURE.equals(failure) ? Optional.empty()
                : Optional.of(new Finding(failure, draft.reason()));
        UptimeStatus status = draft.state().endsWith("_" + UptimeStatus.DOWN) ? UptimeStatus.DOWN : UptimeStatus.UP;
        Observation initial = new Observation(finding, new UptimeReading(status, List.of(), draft.reason()), draft.state());
        List<HealStep> steps = draft.steps().stream().map(s -> step(s, draft.planner())).toList();
        return new HealResult(draft.planner(), draft.generation(), initial, steps,
                Outcome.valueOf(draft.outcome().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(draft.timeToHealMs()).map(Duration::ofMillis));
    }

    static LogEntry.StepEntry step(HealStep step) {
        Map<String, Double> q = new LinkedHashMap<>();
        step.decision().qValues().forEach((a, v) -> q.put(a.id(), v));
        return new LogEntry.StepEntry(step.state(), step.action().id(), step.decision().choice().label(),
                step.decision().epsilon(), q, ids(step.decision().allowed()), step.outcome().success(),
                step.outcome().duration().toMillis(), step.outcome().detail(), step.stateAfter(), step.healed(),
                ids(step.allowedAfter()));
    }

    private static HealStep step(LogEntry.StepEntry s, String planner) {
        Map<ActionKind, Double> q = new EnumMap<>(ActionKind.class);
        s.qValues().forEach((a, v) -> q.put(ActionKind.parse(a), v));
        Decision decision = new Decision(planner, s.state(), ActionKind.parse(s.action()),
                Choice.valueOf(s.choice().toUpperCase(Locale.ROOT)), s.epsilon(), q, kinds(s.allowed()));
        ActionOutcome outcome = new ActionOutcome(s.success(), Duration.ofMillis(s.durationMs()), s.detail());
        return new HealStep(decision, outcome, s.stateAfter(), s.healed(), kinds(s.allowedAfter()));
    }

    private static List<String> ids(Set<ActionKind> actions) {
        return actions.stream().sorted().map(ActionKind::id).toList();
    }

    private static Set<ActionKind> kinds(List<String> ids) {
        return ids == null ? Set.of() : ids.stream().map(ActionKind::parse).collect(Collectors.toSet());
    }
}
