package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.StateNames;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that an update's log lines describe it exactly: replaying them over the policy as it was
 * must give the policy as it is. When they do not (a change made without an episode, such as a
 * relaxed latency threshold), it returns the {@link LogEntry.PatchEntry} that completes the log,
 * so the log alone can always rebuild the policy.
 */
final class UpdateCheck {
    private UpdateCheck() {
    }

    /** What an update must leave unchanged unless its log lines say otherwise. */
    record Baseline(QTable table, String generation, long episodes, LearningParameters parameters,
                            RewardPolicy rewards, Long latencyThresholdMs) {
        Baseline(Policy policy) {
            this(policy.table(), policy.generation(), policy.episodes(), policy.parameters(), policy.rewards(),
                    policy.latencyThresholdOrNull());
        }

        Policy start(String key, QTable table, Instant now) {
            return new Policy(key, generation, parameters, rewards, table, episodes, latencyThresholdMs, now);
        }
    }

    /**
     * Checks that replaying {@code entries} over the policy as it was gives exactly the policy as it is,
     * replaying and comparing only the rows that changed or that the entries touch (the whole table
     * after a reset or an import).
     *
     * @return null when the entries describe the update; else the patch that, replayed after them, does
     */
    static LogEntry.PatchEntry verify(String key, Baseline before, Map<String, Map<ActionKind, QEntry>> changed,
                                       List<LogEntry> entries, Policy after, Instant now) {
        Policy replayed = null;
        Set<String> rows = new LinkedHashSet<>(changed.keySet());
        boolean replaced = after.table() != before.table();
        try {
            if (replaced) {
                int start = -1;
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i) instanceof LogEntry.ResetEntry || entries.get(i) instanceof LogEntry.ImportEntry) {
                        start = i;
                    }
                }
                if (start >= 0) {
                    replayed = before.start(key, new QTable(), after.updatedAt());
                    for (LogEntry entry : entries.subList(start, entries.size())) {
                        EpisodeLogReader.apply(replayed, entry, false);
                    }
                    if (replayed.table().equals(after.table())
                            && List.copyOf(replayed.table().states()).equals(List.copyOf(after.table().states()))
                            && sameFields(replayed, after)) {
                        return null;
                    }
                }
            } else {
                QTable table = new QTable();
                List<String> added = new ArrayList<>();
                for (Map.Entry<String, Map<ActionKind, QEntry>> row : changed.entrySet()) {
                    if (row.getValue() == null) {
                        added.add(row.getKey());
                    } else {
                        row.getValue().forEach((action, entry) -> table.put(row.getKey(), action, entry));
                    }
                }
                // a new state starts from its sibling's row (the learner's prior): give the replay the
                // sibling as it was, i.e. as it still is when this update did not change it
                for (String state : added) {
                    StateNames.sibling(state).filter(s -> !table.hasState(s) && !changed.containsKey(s))
                            .filter(after.table()::hasState)
                            .ifPresent(s -> after.table().row(s).forEach((action, entry) -> table.put(s, action, entry)));
                }
                Set<String> existing = Set.copyOf(table.states());
                replayed = before.start(key, table, after.updatedAt());
                table.startJournal();
                boolean replayable = true;
                try {
                    for (LogEntry entry : entries) {
                        if (entry instanceof LogEntry.ResetEntry || entry instanceof LogEntry.ImportEntry) {
                            replayable = false;
                            break;
                        }
                        EpisodeLogReader.apply(replayed, entry, false);
                    }
                } finally {
                    rows.addAll(table.stopJournal().keySet());
                }
                if (replayable && sameRows(rows, table, after.table())
                        && table.states().stream().filter(s -> !existing.contains(s)).toList().equals(added)
                        && sameFields(replayed, after)) {
                    return null;
                }
            }
        } catch (RuntimeException e) {
            // not replayable as it stands: the patch below says it all
        }
        // replayed after the entries, the patch gives every row they touched its value and undoes the rest
        Set<String> patched = new LinkedHashSet<>(replaced ? after.table().states() : rows);
        List<String> removed = new ArrayList<>();
        Iterable<String> candidates = replaced || replayed == null ? List.of() : rows;
        for (String state : candidates) {
            if (!after.table().hasState(state)) {
                removed.add(state);
            }
        }
        if (replaced && replayed != null) {
            replayed.table().states().stream().filter(s -> !after.table().hasState(s)).forEach(removed::add);
        }
        patched.removeIf(s -> !after.table().hasState(s));
        return new LogEntry.PatchEntry(now.toString(), after.generation(), after.episodes(), after.parameters(),
                after.rewards(), after.latencyThresholdOrNull(), PolicyDocument.cells(after.table(), patched), removed);
    }

    private static boolean sameRows(Set<String> states, QTable replayed, QTable actual) {
        for (String state : states) {
            if (replayed.hasState(state) != actual.hasState(state)
                    || replayed.hasState(state) && !replayed.row(state).equals(actual.row(state))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFields(Policy replayed, Policy actual) {
        return replayed.generation().equals(actual.generation()) && replayed.episodes() == actual.episodes()
                && replayed.parameters().equals(actual.parameters()) && replayed.rewards().equals(actual.rewards())
                && Objects.equals(replayed.latencyThresholdOrNull(), actual.latencyThresholdOrNull());
    }
}
