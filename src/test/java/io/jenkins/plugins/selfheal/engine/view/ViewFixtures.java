package io.jenkins.plugins.selfheal.engine.view;

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
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policies and episode logs for view tests: built directly, deterministic, no store needed. */
public final class ViewFixtures {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private ViewFixtures() {
    }

    public static Policy policy(QTable table, long episodes) {
        return new Policy("job/demo", "gen-1", LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, table, episodes,
                null, T0);
    }

    public static QEntry visited(double q, long visits) {
        return new QEntry(q, visits, Optional.of(T0));
    }

    /**
     * An episode that ended with {@code action} (null: healthy, no step).
     *
     * @param n used for the time (T0 + n minutes) and the id
     */
    public static LogEntry episode(int n, String state, String action, String outcome, String feedback,
                                   double reward, Long timeToHealMs, String link) {
        return LogEntry.of(episode(n, "gen-1", state, action, outcome, feedback, reward, timeToHealMs, link, List.of()));
    }

    /** As above, made with the policy generation {@code generation} and changing {@code updates}. */
    public static Episode episode(int n, String generation, String state, String action, String outcome, String feedback,
                                  double reward, Long timeToHealMs, String link, List<QUpdate> updates) {
        List<HealAttempt> steps = new ArrayList<>();
        if (action != null) {
            ActionKind kind = ActionKind.parse(action);
            Decision decision = new Decision("rl", state, kind, n % 2 == 0 ? Choice.EXPLOIT : Choice.EXPLORE, 0.1,
                    Map.of(kind, 0.0), EnumSet.allOf(ActionKind.class));
            boolean healed = "healed".equals(outcome);
            steps.add(new HealAttempt(decision, new ActionResult(healed, Duration.ofMillis(100), "detail"), state, healed,
                    EnumSet.allOf(ActionKind.class)));
        }
        Observation initial = new Observation(Optional.of(new Finding("crash", "reason")),
                UptimeReading.up(List.of(), "reason"), state);
        HealResult heal = new HealResult("rl", generation, initial, steps, Outcome.parse(outcome),
                Optional.ofNullable(timeToHealMs).map(Duration::ofMillis));
        return new Episode("ep-" + n, T0.plusSeconds(60L * n), Optional.ofNullable(link), heal, feedback == null ? Verdict.NONE : Verdict.parse(feedback),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), reward, updates);
    }

    /** {@code count} episodes cycling through the outcomes and verdicts, rewards 3 / -1 / 1 / 0. */
    public static List<LogEntry> episodes(int count, List<String> states) {
        List<LogEntry> log = new ArrayList<>(count);
        String[] actions = ActionKind.ids().toArray(String[]::new);
        for (int i = 0; i < count; i++) {
            String state = states.get(i % states.size());
            switch (i % 4) {
                case 0 -> log.add((episode(i, state, actions[i % actions.length], "healed", "accepted", 3, 1000L + i, null)));
                case 1 -> log.add((episode(i, state, actions[i % actions.length], "failed", "rejected", -1, null, null)));
                case 2 -> log.add((episode(i, state, actions[i % actions.length], "healed", "none", 1, 2000L, null)));
                default -> log.add((episode(i, state, null, "healthy", "none", 0, null, null)));
            }
        }
        return log;
    }
}
