package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Store-level test episodes: one Q-cell update recorded the way the learner records it. */
final class Episodes {
    private Episodes() {
    }

    /** Moves {@code Q(state, action)} half-way to {@code reward} and records it as an episode. */
    static void learn(PolicyStore store, Clock clock, String state, ActionKind action, double reward) throws IOException {
        store.update(policy -> {
            Instant now = clock.instant();
            QEntry before = policy.table().entry(state, action);
            double after = before.value() + 0.5 * (reward - before.value());
            policy.table().put(state, action, before.updatedTo(after, now));
            policy.recordEpisode(entry(policy.generation(), now, state, action, reward, before.value(), after));
            return null;
        });
    }

    static LogEntry.EpisodeEntry entry(String generation, Instant at, String state, ActionKind action, double reward,
                                       double before, double after) {
        return new LogEntry.EpisodeEntry("ep-" + at.toEpochMilli() + "-" + System.nanoTime(), at.toString(), generation,
                "rl", state.substring(0, state.lastIndexOf('_')), "test", state, List.of(), "healed", "accepted",
                null, null, "tester", at.toString(), reward, 100L, null,
                List.of(new LogEntry.UpdateEntry(state, action.id(), reward, reward, before, after)));
    }

    /** A few episodes over two states, with repeated visits to one cell. */
    static void learnSome(PolicyStore store, Clock clock) throws IOException {
        learn(store, clock, "deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, 3);
        learn(store, clock, "deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, 1);
        learn(store, clock, "deployment_failure_DOWN", ActionKind.ADJUST_THRESHOLDS, -1);
        learn(store, clock, "latency_issue_UP", ActionKind.ADJUST_THRESHOLDS, 3);
    }

    static QTable copyOf(PolicyStore store) throws IOException {
        return store.read().table().copy();
    }

    static List<String> logLines(PolicyStore store) throws IOException {
        return Files.exists(store.episodeLog()) ? Files.readAllLines(store.episodeLog()) : List.of();
    }

    static List<String> fileNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
