package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One policy on disk: {@code <name>.json} (the document, replaced atomically) and
 * {@code <name>.episodes.jsonl} (append-only episode log). Every change runs under
 * {@link StoreLock} (threads and processes), re-reads the document, appends the log, then saves.
 * A corrupt or truncated document is moved aside and rebuilt from the log, with a warning.
 *
 * <p>Parsing a large document costs more than reading it, so the store remembers the bytes it last
 * saved and the policy they hold: when the file under the lock still has exactly those bytes (no
 * other store or process wrote since), the remembered policy is reused instead of parsed again.
 * The file is still read and compared every time, so a change by anyone else is always seen.
 */
public final class PolicyStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Path policyFile;
    private final Path episodeLog;
    private final String key;
    private final Clock clock;
    private final Consumer<String> warnings;
    /** The document bytes this store last saved, and a private copy of the policy they hold; guarded by the lock. */
    private byte[] savedBytes;
    private Policy savedPolicy;

    /** A change to a policy, run under the lock. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(Policy policy) throws IOException;
    }

    public PolicyStore(Path policyFile, String key, Clock clock, Consumer<String> warnings) {
        this.policyFile = policyFile;
        String name = policyFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        this.episodeLog = policyFile.resolveSibling(stem + ".episodes.jsonl");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = clock;
        this.warnings = warnings;
    }

    public Path policyFile() {
        return policyFile;
    }

    public Path episodeLog() {
        return episodeLog;
    }

    public boolean exists() {
        return Files.exists(policyFile) || Files.exists(episodeLog);
    }

    /** The saved policy (an empty one when nothing is saved yet). Repairs a corrupt document. */
    public Policy read() throws IOException {
        try {
            return parse(Files.readAllBytes(policyFile));
        } catch (NoSuchFileException e) {
            return Files.exists(episodeLog) ? update(p -> p) : Policy.empty(key, Policy.INITIAL_GENERATION, clock.instant());
        } catch (PolicyFormatException e) {
            return update(p -> p);
        }
    }

    /** Applies {@code change} to the freshest policy under the lock, appends its log entries and saves it. */
    public <T> T update(Change<T> change) throws IOException {
        return StoreLock.withLock(policyFile, () -> {
            Policy policy = loadLocked();
            T result = change.apply(policy);
            List<String> lines = new ArrayList<>();
            for (LogEntry entry : policy.drainPendingLog()) {
                lines.add(new String(PolicyJson.write(entry, false), java.nio.charset.StandardCharsets.UTF_8));
            }
            AtomicFiles.appendLines(episodeLog, lines); // the log first: a crash before the save loses nothing
            policy.touch(clock.instant());
            save(policy);
            return result;
        });
    }

    /** Starts the policy over, keeping the old document as a backup file; returns the backup. */
    public Path reset(String by) throws IOException {
        return update(policy -> {
            Path backup = backupPath("reset");
            AtomicFiles.write(backup, PolicyJson.write(PolicyDocument.of(policy), true));
            String generation = PolicyDocument.newGeneration();
            policy.replaceTable(new QTable(), generation,
                    new LogEntry.ResetEntry(clock.instant().toString(), generation, by, backup.getFileName().toString()));
            policy.countEpisodes(0);
            return backup;
        });
    }

    /** Replaces the table with a validated document (an export, or a backup being restored). */
    public Policy importDocument(byte[] json, String source, String by) throws IOException {
        Policy imported = parseStrict(json, source);
        return importTable(imported.table(), source, by);
    }

    /** Replaces the table with an imported one (e.g. the original simulation's rl_log.csv). */
    public Policy importTable(QTable table, String source, String by) throws IOException {
        return update(policy -> {
            String generation = PolicyDocument.newGeneration();
            Policy snapshot = new Policy(policy.key(), generation, policy.parameters(), policy.rewards(), table.copy(),
                    0, null, clock.instant());
            policy.replaceTable(table.copy(), generation, new LogEntry.ImportEntry(clock.instant().toString(), generation,
                    by, source, PolicyDocument.of(snapshot)));
            policy.countEpisodes(0);
            return policy;
        });
    }

    public byte[] export() throws IOException {
        return PolicyJson.write(PolicyDocument.of(read()), true);
    }

    /** Every readable entry of the episode log in order; unreadable lines are reported and skipped. */
    public List<LogEntry> readLog() throws IOException {
        return EpisodeLogReader.read(episodeLog, warnings);
    }

    /** The backups kept by resets and recoveries, oldest first. */
    public List<Path> backups() throws IOException {
        Path dir = policyFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = policyFile.getFileName() + ".";
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && (p.getFileName().toString().contains(".reset-") || p.getFileName().toString().contains(".corrupt-")))
                    .sorted()
                    .toList();
        }
    }

    private Policy loadLocked() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(policyFile);
            if (savedPolicy != null && Arrays.equals(bytes, savedBytes)) {
                return copy(savedPolicy);
            }
        } catch (NoSuchFileException e) {
            if (!Files.exists(episodeLog)) {
                return Policy.empty(key, Policy.INITIAL_GENERATION, clock.instant());
            }
            warnings.accept(policyFile + " is missing; rebuilding the policy from " + episodeLog);
            return EpisodeLogReader.rebuild(key, readLog(), clock.instant());
        }
        try {
            return parse(bytes);
        } catch (PolicyFormatException e) {
            Path aside = backupPath("corrupt");
            Files.move(policyFile, aside);
            List<LogEntry> log = readLog();
            warnings.accept(e.getMessage() + "; moved it to " + aside.getFileName() + " and rebuilt the policy from "
                    + episodeLog.getFileName() + " (" + log.size() + " entries)");
            return EpisodeLogReader.rebuild(key, log, clock.instant());
        }
    }

    private Policy parse(byte[] bytes) {
        return parseStrict(bytes, policyFile.getFileName().toString());
    }

    private Policy parseStrict(byte[] bytes, String source) {
        return PolicyJson.readDocument(bytes, source).toPolicy(source, key);
    }

    private void save(Policy policy) throws IOException {
        byte[] bytes = PolicyJson.write(PolicyDocument.of(policy), true);
        savedPolicy = null; // if the write fails, the file may hold either version: parse it next time
        AtomicFiles.write(policyFile, bytes);
        savedBytes = bytes;
        savedPolicy = copy(policy); // callers may keep and change the policy they were given
    }

    private static Policy copy(Policy policy) {
        return new Policy(policy.key(), policy.generation(), policy.parameters(), policy.rewards(), policy.table().copy(),
                policy.episodes(), policy.latencyThresholdMs().isPresent() ? policy.latencyThresholdMs().getAsLong() : null,
                policy.updatedAt());
    }

    /** A backup name not used yet (called under the lock): a second one in the same millisecond gets a counter. */
    private Path backupPath(String why) {
        String stem = policyFile.getFileName() + "." + why + "-" + STAMP.format(clock.instant());
        Path candidate = policyFile.resolveSibling(stem + ".json");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = policyFile.resolveSibling(stem + "_" + String.format(java.util.Locale.ROOT, "%03d", n) + ".json");
        }
        return candidate;
    }
}
