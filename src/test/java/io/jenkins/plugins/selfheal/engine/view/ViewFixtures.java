package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;

import java.time.Instant;
import java.util.ArrayList;
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
    public static LogEntry.EpisodeEntry episode(int n, String state, String action, String outcome, String feedback,
                                                double reward, Long timeToHealMs, String link) {
        List<LogEntry.StepEntry> steps = new ArrayList<>();
        if (action != null) {
            steps.add(new LogEntry.StepEntry(state, action, n % 2 == 0 ? "exploit" : "explore", 0.1,
                    Map.of(action, 0.0), ActionKind.ids(), "healed".equals(outcome), 100, "detail", state,
                    "healed".equals(outcome), ActionKind.ids()));
        }
        return new LogEntry.EpisodeEntry("ep-" + n, T0.plusSeconds(60L * n).toString(), "gen-1", "rl", "crash", "reason",
                state, steps, outcome, feedback, null, null, null, null, reward, timeToHealMs, link, List.of());
    }

    /** {@code count} episodes cycling through the outcomes and verdicts, rewards 3 / -1 / 1 / 0. */
    public static List<LogEntry> episodes(int count, List<String> states) {
        List<LogEntry> log = new ArrayList<>(count);
        String[] actions = ActionKind.ids().toArray(String[]::new);
        for (int i = 0; i < count; i++) {
            String state = states.get(i % states.size());
            switch (i % 4) {
                case 0 -> log.add(episode(i, state, actions[i % actions.length], "healed", "accepted", 3, 1000L + i, null));
                case 1 -> log.add(episode(i, state, actions[i % actions.length], "failed", "rejected", -1, null, null));
                case 2 -> log.add(episode(i, state, actions[i % actions.length], "healed", "none", 1, 2000L, null));
                default -> log.add(episode(i, state, null, "healthy", "none", 0, null, null));
            }
        }
        return log;
    }
}
