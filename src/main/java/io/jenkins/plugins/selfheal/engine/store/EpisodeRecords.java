package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        Instant at = instant(e.at());
        Optional<Instant> decidedAt = Optional.ofNullable(e.decidedAt()).map(EpisodeRecords::instant);
        Instant stamp = decidedAt.orElse(at); // the learner stamps the cells with the verdict's time
        return new Episode(e.id(), at, Optional.ofNullable(e.link()), heal,
                e.feedback() == null ? Verdict.NONE : Verdict.parse(e.feedback()),
                Optional.ofNullable(e.overrideAction()).map(ActionKind::parse), Optional.ofNullable(e.feedbackNote()),
                Optional.ofNullable(e.decidedBy()), decidedAt, e.reward(),
                e.updates().stream().map(u -> new QUpdate(u.state(), ActionKind.parse(u.action()), u.reward(), u.target(),
                        u.before(), u.after(), stamp)).toList());
    }

    /**
     * {@link Instant#parse}, with a fast path for the form {@link Instant#toString} writes (the log's
     * own, {@code 2024-05-01T10:00:00.123Z}): a view reads every episode of a long log, and the general
     * parser costs more than the rest of the mapping.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(n - 1) == 'Z' && (n == 20 || text.charAt(19) == '.')
                && shape(text, n)) {
            try {
                long seconds = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19)).toEpochSecond(ZoneOffset.UTC);
                int nanos = 0;
                if (n > 20) {
                    int digits = n - 21;
                    nanos = number(text, 20, n - 1) * (int) Math.pow(10, 9 - digits);
                }
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (DateTimeException e) {
                return Instant.parse(text); // its message
            }
        }
        return Instant.parse(text);
    }

    /** Digits where {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} has them, its separators elsewhere, 1 to 9 fraction digits. */
    private static boolean shape(String text, int n) {
        for (int i = 0; i < n - 1; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                case 19 -> c == '.';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return n != 21; // "…ss.Z" has no fraction digits
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static LogEntry.StepEntry step(HealAttempt step) {
        Map<String, Double> q = new LinkedHashMap<>();
        step.decision().qValues().forEach((a, v) -> q.put(a.id(), v));
        return new LogEntry.StepEntry(step.state(), step.action().id(), step.decision().choice().label(),
                step.decision().epsilon(), q, ids(step.decision().allowed()), step.outcome().success(),
                step.outcome().duration().toMillis(), step.outcome().detail(), step.stateAfter(), step.healed(),
                ids(step.allowedAfter()));
    }

    private static HealAttempt step(LogEntry.StepEntry s, String planner) {
        Map<ActionKind, Double> q = new EnumMap<>(ActionKind.class);
        s.qValues().forEach((a, v) -> q.put(ActionKind.parse(a), v));
        Decision decision = new Decision(planner, s.state(), ActionKind.parse(s.action()),
                Choice.valueOf(s.choice().toUpperCase(Locale.ROOT)), s.epsilon(), q, kinds(s.allowed()));
        ActionResult outcome = new ActionResult(s.success(), Duration.ofMillis(s.durationMs()), s.detail());
        return new HealAttempt(decision, outcome, s.stateAfter(), s.healed(), kinds(s.allowedAfter()));
    }

    private static List<String> ids(Set<ActionKind> actions) {
        return actions.stream().sorted().map(ActionKind::id).toList();
    }

    private static Set<ActionKind> kinds(List<String> ids) {
        return ids == null ? Set.of() : ids.stream().map(ActionKind::parse).collect(Collectors.toSet());
    }
}
