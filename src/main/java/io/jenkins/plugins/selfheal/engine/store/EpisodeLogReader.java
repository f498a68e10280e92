package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads an episode log (whole, or the tail after a snapshot) and replays it into a policy. */
final class EpisodeLogReader {
    private EpisodeLogReader() {
    }

    /** Every readable entry of the whole log (its segments, then the hot file), patches included; unreadable lines are reported and skipped. */
    static List<LogEntry> read(StoreFiles files, Consumer<String> warnings) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        long[] number = {0};
        try (SegmentedLog log = SegmentedLog.open(files)) {
            // bytes that are not UTF-8 (a torn or garbage tail) become U+FFFD: that line is skipped, not the whole log
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(log.from(0), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    number[0]++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        entries.add(PolicyJson.readLogEntry(line, files.episodeLog.getFileName() + ":" + number[0]));
                    } catch (PolicyFormatException e) {
                        warnings.accept("skipped unreadable episode log line: " + e.getMessage());
                    }
                }
            }
        }
        return entries;
    }

    /**
     * The entries of the whole lines from logical byte {@code from} up to the end of the log.
     *
     * @param end        the offset just after the last whole line read (a line still being written, or torn
     *                   by a crash, has no newline yet and is left for later)
     * @param unreadable how many whole lines could not be read (each reported)
     */
    record Tail(List<LogEntry> entries, long end, int unreadable) {
    }

    static Tail readTail(SegmentedLog log, long from, Consumer<String> warnings) throws IOException {
        long size = log.size();
        if (size <= from) {
            return new Tail(List.of(), from, 0);
        }
        if (size - from > Integer.MAX_VALUE - 16) {
            throw new IOException("the episode log's tail after the snapshot is too large to replay at once");
        }
        byte[] bytes;
        try (InputStream in = log.from(from)) {
            bytes = in.readNBytes((int) (size - from));
        }
        List<LogEntry> entries = new ArrayList<>();
        int unreadable = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                try {
                    entries.add(PolicyJson.readLogEntry(line, log.name() + " at byte " + (from + start)));
                } catch (PolicyFormatException e) {
                    unreadable++;
                    warnings.accept("skipped unreadable episode log line: " + e.getMessage());
                }
            }
            start = i + 1;
        }
        return new Tail(entries, from + start, unreadable);
    }

    /**
     * Streams the entries of the whole lines from logical byte {@code from} on to {@code sink}, one at a time (a
     * log of a million episodes is never held at once), segments and hot file in order; returns the offset after
     * the last whole line. Unreadable lines are reported and skipped.
     */
    static long stream(StoreFiles files, long from, Consumer<String> warnings, Consumer<LogEntry> sink) throws IOException {
        try (SegmentedLog log = SegmentedLog.open(files)) {
            return stream(log, from, warnings, sink);
        }
    }

    static long stream(SegmentedLog log, long from, Consumer<String> warnings, Consumer<LogEntry> sink) throws IOException {
        try (InputStream in = log.from(from)) {
            byte[] buffer = new byte[1 << 16];
            byte[] line = new byte[1 << 12];
            int length = 0;
            long start = from;
            long position = from;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    position++;
                    if (b != '\n') {
                        if (length == line.length) {
                            line = java.util.Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = b;
                        continue;
                    }
                    String text = new String(line, 0, length, StandardCharsets.UTF_8);
                    if (!text.isBlank()) {
                        try {
                            sink.accept(PolicyJson.readLogEntry(text, log.name() + " at byte " + start));
                        } catch (PolicyFormatException e) {
                            warnings.accept("skipped unreadable episode log line: " + e.getMessage());
                        }
                    }
                    length = 0;
                    start = position;
                }
            }
            return start; // a line without its newline yet is read next time
        }
    }

    /**
     * Replays resets, imports, patches and the exact cell values episodes recorded. An entry that cannot
     * be replayed (say an unknown action) is reported and skipped, as in a tail replay: one damaged line
     * must not make the whole policy unreadable.
     */
    static Policy rebuild(String key, List<LogEntry> log, Instant now, Consumer<String> warnings) {
        Policy policy = new Policy(key, "rebuilt", LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, new QTable(), 0,
                null, now);
        for (LogEntry entry : log) {
            try {
                apply(policy, entry, true);
            } catch (RuntimeException e) {
                warnings.accept("skipped an episode log entry that cannot be replayed (" + entry.at() + "): "
                        + e.getMessage());
            }
        }
        policy.touch(now);
        return policy;
    }

    /**
     * Applies one log entry to {@code policy}, exactly as the update that logged it changed the policy.
     *
     * @param rebuilding true when replaying a whole log from nothing: an episode then also tells the
     *                   generation (the log has no entry for the initial one)
     */
    static void apply(Policy policy, LogEntry entry, boolean rebuilding) {
        if (entry instanceof LogEntry.ResetEntry reset) {
            policy.replayTable(new QTable(), reset.generation());
        } else if (entry instanceof LogEntry.ImportEntry imported) {
            policy.replayTable(PolicyDocument.table("import in episode log", imported.policy().states()),
                    imported.generation());
        } else if (entry instanceof LogEntry.PatchEntry patch) {
            QTable rows = PolicyDocument.table("patch in episode log", patch.states());
            for (String state : rows.states()) {
                policy.table().ensureState(state);
                rows.row(state).forEach((action, cell) -> policy.table().put(state, action, cell));
            }
            if (patch.removed() != null) {
                patch.removed().forEach(policy.table()::removeState);
            }
            policy.restore(patch.generation(), patch.episodes(),
                    patch.parameters() == null ? LearningParameters.DEFAULTS : patch.parameters(),
                    patch.rewards() == null ? RewardPolicy.DEFAULTS : patch.rewards(), patch.latencyThresholdMs());
        } else if (entry instanceof LogEntry.EpisodeEntry episode) {
            QTable table = policy.table();
            LearningParameters.InitialValues initial = policy.parameters().initialValues();
            // the learner stamps the cells with the time of the verdict (the heal's time when nobody gave one)
            Optional<Instant> at = Optional.of(Instant.parse(episode.decidedAt() != null ? episode.decidedAt() : episode.at()));
            for (LogEntry.UpdateEntry update : episode.updates()) {
                ActionKind action = ActionKind.parse(update.action());
                table.ensureState(update.state(), initial); // as QLearner: added right before its first update
                QEntry before = table.entry(update.state(), action);
                table.put(update.state(), action, new QEntry(update.after(), before.visits() + 1, at));
            }
            // the states the learner added on first sight without updating them (see EpisodeLearner)
            if (!episode.steps().isEmpty()) {
                table.ensureState(episode.state(), initial);
            }
            for (LogEntry.StepEntry step : episode.steps()) {
                if (!step.healed()) {
                    table.ensureState(step.stateAfter(), initial);
                }
            }
            policy.countEpisodes(policy.episodes() + 1);
            if (rebuilding) {
                policy.setGeneration(entry.generation());
            }
        }
        if (entry.at() != null) {
            try {
                policy.touch(Instant.parse(entry.at()));
            } catch (RuntimeException ignored) {
                // updatedAt is informative only
            }
        }
    }

    /** The entries of {@code log} a reader of the history sees: patches are bookkeeping. */
    static List<LogEntry> history(List<LogEntry> log) {
        return log.stream().filter(e -> !(e instanceof LogEntry.PatchEntry)).toList();
    }
}
