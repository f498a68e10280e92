package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Every readable entry, patches included; unreadable lines are reported and skipped. */
    static List<LogEntry> read(Path log, Consumer<String> warnings) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        if (!Files.exists(log)) {
            return entries;
        }
        // bytes that are not UTF-8 (a torn or garbage tail) become U+FFFD: that line is skipped, not the whole log
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(log),
                StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(PolicyJson.readLogEntry(line, log.getFileName() + ":" + number));
                } catch (PolicyFormatException e) {
                    warnings.accept("skipped unreadable episode log line: " + e.getMessage());
                }
            }
        }
        return entries;
    }

    /**
     * The entries of the whole lines from byte {@code from} up to the end of the log.
     *
     * @param end        the offset just after the last whole line read (a line still being written, or torn
     *                   by a crash, has no newline yet and is left for later)
     * @param unreadable how many whole lines could not be read (each reported)
     */
    record Tail(List<LogEntry> entries, long end, int unreadable) {
    }

    static Tail readTail(Path log, long from, Consumer<String> warnings) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= from) {
                return new Tail(List.of(), from, 0);
            }
            if (size - from > Integer.MAX_VALUE - 16) {
                throw new IOException(log + ": the log tail after the snapshot is too large to replay at once");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            long position = from;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
            bytes = buffer.array();
            if (buffer.position() < bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, buffer.position());
            }
        } catch (NoSuchFileException e) {
            return new Tail(List.of(), from, 0);
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
                    entries.add(PolicyJson.readLogEntry(line, log.getFileName() + " at byte " + (from + start)));
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
     * Streams the entries of the whole lines from byte {@code from} on to {@code sink}, one at a time (a log
     * of a million episodes is never held at once); returns the offset after the last whole line.
     * Unreadable lines are reported and skipped.
     */
    static long stream(Path log, long from, Consumer<String> warnings, Consumer<LogEntry> sink) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            byte[] line = new byte[1 << 12];
            int length = 0;
            long start = from;
            long position = from;
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
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
                            sink.accept(PolicyJson.readLogEntry(text, log.getFileName() + " at byte " + start));
                        } catch (PolicyFormatException e) {
                            warnings.accept("skipped unreadable episode log line: " + e.getMessage());
                        }
                    }
                    length = 0;
                    start = position;
                }
                buffer.clear();
            }
            return start; // a line without its newline yet is read next time
        } catch (NoSuchFileException e) {
            return from;
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
