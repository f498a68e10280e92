package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionOutcome;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.HealStep;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
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

/** The one mapping between an {@link Episode} and its serialised form, a log line ({@link LogEntry.EpisodeEntry}). */
final class EpisodeRecords {
    private static final String HEALTHY_PREFIX = "no problem found (";

    private EpisodeRecords() {
    }

    static LogEntry.EpisodeEntry entry(Episode e) {
        HealResult heal = e.heal();
        return new LogEntry.EpisodeEntry(e.id(), e.at().toString(), heal.generation(), heal.planner(), e.failure(),
                e.reason(), e.state(), heal.steps().stream().map(EpisodeRecords::step).toList(), e.outcome().id(),
                e.verdict().id(), e.override().map(ActionKind::id).orElse(null), e.note().orElse(null),
                e.decidedBy().orElse(null), e.decidedAt().map(Instant::toString).orElse(null), e.reward(),
                e.timeToHeal().map(Duration::toMillis).orElse(null), e.link().orElse(null),
                e.updates().stream().map(u -> new LogEntry.UpdateEntry(u.state(), u.action().id(), u.reward(),
                        u.target(), u.before(), u.after())).toList());
    }

    /**
     * The episode a log line describes. The line keeps the uptime reading only as the state's
     * {@code _UP}/{@code _DOWN} suffix and, when healthy, inside the reason.
     */
    static Episode episode(LogEntry.EpisodeEntry e) {
        Optional<Finding> finding = Finding.NO_FAILURE.equals(e.failure()) ? Optional.empty()
                : Optional.of(new Finding(e.failure(), e.reason()));
        UptimeStatus status = e.state().endsWith("_" + UptimeStatus.DOWN) ? UptimeStatus.DOWN : UptimeStatus.UP;
        String detail = finding.isEmpty() && e.reason() != null && e.reason().startsWith(HEALTHY_PREFIX) && e.reason().endsWith(")")
                ? e.reason().substring(HEALTHY_PREFIX.length(), e.reason().length() - 1) : e.reason();
        Observation initial = new Observation(finding, new UptimeReading(status, List.of(), detail), e.state());
        HealResult heal = new HealResult(e.planner(), e.generation(), initial,
                e.steps().stream().map(s -> step(s, e.planner())).toList(), Outcome.parse(e.outcome()),
                Optional.ofNullable(e.timeToHealMs()).map(Duration::ofMillis));
        Instant at = Instant.parse(e.at());
        Optional<Instant> decidedAt = Optional.ofNullable(e.decidedAt()).map(Instant::parse);
        Instant stamp = decidedAt.orElse(at); // the learner stamps the cells with the verdict's time
        return new Episode(e.id(), at, Optional.ofNullable(e.link()), heal,
                e.feedback() == null ? Verdict.NONE : Verdict.parse(e.feedback()),
                Optional.ofNullable(e.overrideAction()).map(ActionKind::parse), Optional.ofNullable(e.feedbackNote()),
                Optional.ofNullable(e.decidedBy()), decidedAt, e.reward(),
                e.updates().stream().map(u -> new QUpdate(u.state(), ActionKind.parse(u.action()), u.reward(), u.target(),
                        u.before(), u.after(), stamp)).toList());
    }

    private static LogEntry.StepEntry step(HealStep step) {
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
