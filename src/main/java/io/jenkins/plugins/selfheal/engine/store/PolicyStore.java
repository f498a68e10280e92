package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One policy on disk: {@code <name>.episodes.jsonl}, the append-only episode log, and
 * {@code <name>.json}, the document.
 *
 * <p><b>The log is the durable record.</b> Every change runs under {@link StoreLock} (threads and
 * processes), starts from the freshest policy, and appends log lines describing it exactly, forced to
 * disk: that one fsync is what makes an update durable. Episodes carry the resulting value of every
 * cell they changed, resets and imports carry their table, and anything else an update changed (a
 * relaxed latency threshold, new settings, cells changed without an episode) is appended as a
 * {@link LogEntry.PatchEntry}. The store checks every update against a replay of its own log lines
 * (the table journals which rows changed), so the log never describes less than what changed.
 *
 * <p><b>The document is a snapshot</b> of the first {@code logBytes} bytes of the log. It is replaced
 * atomically (temporary file + rename) but not forced to disk, and only now and then: when the log has
 * grown since the snapshot by more than the snapshot's own size (at least {@value #MIN_SNAPSHOT_INTERVAL}
 * bytes), on resets and imports, and after a repair. Readers load the snapshot and replay the log after
 * {@code logBytes}, so a stale or lost snapshot costs a longer replay, never an update. A snapshot that
 * cannot be read, or one that claims more of the log than there is (the log was truncated or replaced),
 * is moved aside and the policy is rebuilt from the log, with a warning; it is never silently reset.
 *
 * <p>A document without {@code logBytes} (saved before snapshots, when the document was written and
 * forced after every update) is taken to include the whole current log; the first update converts it,
 * forcing that one snapshot to disk before anything is appended, so the conversion is crash-safe.
 * Exports, imports and backups never carry {@code logBytes}.
 *
 * <p>The store remembers the policy after its last update and the log length it includes; while the
 * document is the one it last saw (same file, size and modification time) and the log has not shrunk,
 * the next update starts from it and replays only what others appended since, instead of parsing the
 * document again.
 */
public final class PolicyStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);
    /** The least growth of the log, in bytes, before a new snapshot is written. */
    static final long MIN_SNAPSHOT_INTERVAL = 64 * 1024;

    private final Path policyFile;
    private final Path episodeLog;
    private final String key;
    private final Clock clock;
    private final Consumer<String> warnings;
    /** The policy after this store's last update, and where it stands on disk; guarded by the lock. */
    private Cache cache;
    /** The episode ids the log holds, so none is learned twice; guarded by the lock. */
    private final LearnedEpisodes learned;

    /** A change to a policy, run under the lock. The policy is valid only during the call. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(Policy policy) throws IOException;
    }

    /** A file's identity, size and modification time (null when it does not exist). */
    private record Stamp(Object fileKey, long size, FileTime modified) {
        static Stamp of(Path file) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        boolean sameFile(Stamp other) {
            return other != null && fileKey != null && fileKey.equals(other.fileKey);
        }
    }

    /**
     * The policy as of the first {@code logBytes} bytes of the log, and the document on disk.
     *
     * @param document    the document as last seen (null when there is none)
     * @param docLogBytes the log length that document includes
     * @param docSize     its size
     */
    private record Cache(Policy policy, long logBytes, Stamp log, Stamp document, long docLogBytes, long docSize) {
    }

    /** A policy loaded for an update, and whether a snapshot must follow. */
    private record Loaded(Policy policy, long logBytes, Stamp document, long docLogBytes, long docSize,
                          boolean snapshotNeeded) {
    }

    /** Thrown by a load without the lock when something needs the lock (a repair, a warning). */
    private static final class NeedsLock extends RuntimeException {
        NeedsLock() {
            super(null, null, false, false);
        }
    }

    public PolicyStore(Path policyFile, String key, Clock clock, Consumer<String> warnings) {
        this.policyFile = policyFile;
        String name = policyFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        this.episodeLog = policyFile.resolveSibling(stem + ".episodes.jsonl");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = clock;
        this.warnings = warnings;
        this.learned = new LearnedEpisodes(episodeLog);
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

    /**
     * The saved policy (an empty one when nothing is saved yet): the snapshot plus the log after it.
     * Reads without the lock unless this store has a remembered policy to start from, or something
     * needs repair (a corrupt document, a warning), which runs under the lock.
     */
    public Policy read() throws IOException {
        if (!Files.exists(policyFile) && !Files.exists(episodeLog)) {
            return Policy.empty(key, Policy.INITIAL_GENERATION, clock.instant());
        }
        if (cache == null) {
            try {
                return load(false).policy();
            } catch (NeedsLock e) {
                // repaired below, under the lock
            }
        }
        return update(PolicyStore::copy);
    }

    /** Applies {@code change} to the freshest policy under the lock and appends log lines describing it. */
    @SuppressWarnings("unchecked")
    public <T> T update(Change<T> change) throws IOException {
        return StoreLock.withLock(policyFile, () -> {
            Loaded loaded = load(true);
            Policy policy = loaded.policy();
            cache = null; // until this update is on disk: if anything fails, load from the files next time
            QTable table = policy.table();
            UpdateCheck.Baseline before = new UpdateCheck.Baseline(policy);
            T result;
            Map<String, Map<ActionKind, QEntry>> changed;
            table.startJournal();
            try {
                result = change.apply(policy);
            } finally {
                changed = table.stopJournal();
            }
            Instant now = clock.instant();
            List<LogEntry> entries = new ArrayList<>(policy.drainPendingLog());
            LogEntry.PatchEntry patch = UpdateCheck.verify(key, before, changed, entries, policy, now);
            if (patch != null) {
                entries.add(patch);
            }
            for (LogEntry entry : entries) {
                if (entry instanceof LogEntry.EpisodeEntry episode && episode.id() != null) {
                    java.util.Optional<LogEntry.EpisodeEntry> logged = learned.find(episode.id());
                    if (logged.isPresent()) {
                        throw new EpisodeAlreadyLearnedException(logged.get()); // nothing written; cache stays null
                    }
                }
            }
            long logBytes = loaded.logBytes();
            if (!entries.isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (LogEntry entry : entries) {
                    text.append(new String(PolicyJson.write(entry, false), StandardCharsets.UTF_8)).append('\n');
                }
                logBytes = AtomicFiles.append(episodeLog, text.toString().getBytes(StandardCharsets.UTF_8));
                policy.touch(now);
            }
            Stamp log = Stamp.of(episodeLog);
            boolean snapshot = loaded.snapshotNeeded()
                    || entries.stream().anyMatch(e -> e instanceof LogEntry.ResetEntry || e instanceof LogEntry.ImportEntry)
                    || logBytes - loaded.docLogBytes() >= Math.max(MIN_SNAPSHOT_INTERVAL, loaded.docSize());
            if (snapshot) {
                byte[] bytes = PolicyJson.write(PolicyDocument.of(policy).snapshotOf(logBytes), false);
                try {
                    AtomicFiles.deleteLeftovers(policyFile); // of snapshots a crash interrupted (we hold the lock)
                    AtomicFiles.writeSnapshot(policyFile, bytes);
                    cache = new Cache(policy, logBytes, log, Stamp.of(policyFile), logBytes, bytes.length);
                } catch (IOException e) {
                    // the update is durable in the log: a missing snapshot costs a longer replay, not the update
                    warnings.accept("could not write the snapshot " + policyFile + " (" + e + "); the update is saved in "
                            + episodeLog.getFileName() + " and the snapshot will be written by a later update");
                }
            } else {
                cache = new Cache(policy, logBytes, log, loaded.document(), loaded.docLogBytes(), loaded.docSize());
            }
            // the remembered policy must not be the one handed out: the caller may keep and change it
            return result == policy ? (T) copy(policy) : result;
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

    /**
     * Replaces the table with an imported one (e.g. the original simulation's rl_log.csv); a policy
     * that had learned anything is kept first as a backup ({@code .import-…}), as a reset keeps one.
     */
    public Policy importTable(QTable table, String source, String by) throws IOException {
        return update(policy -> {
            if (policy.table().size() > 0 || policy.episodes() > 0) {
                AtomicFiles.write(backupPath("import"), PolicyJson.write(PolicyDocument.of(policy), true));
            }
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

    /**
     * Every readable episode, reset and import of the episode log in order (patches, the store's own
     * bookkeeping, are left out); unreadable lines are reported and skipped.
     */
    public List<LogEntry> readLog() throws IOException {
        return EpisodeLogReader.history(EpisodeLogReader.read(episodeLog, warnings));
    }

    /** The backups kept by resets, imports and recoveries (corrupt documents, snapshots ahead of their log), oldest first. */
    public List<Path> backups() throws IOException {
        Path dir = policyFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = policyFile.getFileName() + ".";
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && (p.getFileName().toString().contains(".reset-") || p.getFileName().toString().contains(".corrupt-")
                            || p.getFileName().toString().contains(".import-")
                            || p.getFileName().toString().contains(".ahead-")))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The freshest policy: the remembered one or the snapshot, plus the log after it. Without the lock,
     * anything unusual throws {@link NeedsLock}; with it, a torn last log line is terminated, a corrupt
     * snapshot or one ahead of its log is moved aside and the policy rebuilt from the log (warning), and
     * a document from before snapshots is converted.
     */
    private Loaded load(boolean locked) throws IOException {
        if (locked) {
            terminateTornLine();
        }
        Stamp log = Stamp.of(episodeLog);
        long logSize = log == null ? 0 : log.size();
        Stamp document = Stamp.of(policyFile);
        Cache remembered = cache;
        if (locked && remembered != null && document != null && document.equals(remembered.document())
                && (log == null ? remembered.log() == null : log.sameFile(remembered.log()))
                && logSize >= remembered.logBytes()) {
            Policy policy = remembered.policy();
            cache = null; // handed to the change: remembered again once the update is saved
            long end = replay(policy, remembered.logBytes(), true);
            return new Loaded(policy, Math.abs(end), remembered.document(), remembered.docLogBytes(),
                    remembered.docSize(), end < 0);
        }
        if (document == null) {
            if (log == null) {
                return new Loaded(Policy.empty(key, Policy.INITIAL_GENERATION, clock.instant()), 0, null, 0, 0, true);
            }
            requireLock(locked);
            warnings.accept(policyFile + " is missing; rebuilding the policy from " + episodeLog);
            return rebuild(null, logSize);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(policyFile);
        } catch (NoSuchFileException e) {
            requireLock(locked);
            warnings.accept(policyFile + " is missing; rebuilding the policy from " + episodeLog);
            return rebuild(null, logSize);
        }
        PolicyDocument snapshot;
        Policy policy;
        try {
            snapshot = PolicyJson.readDocument(bytes, policyFile.getFileName().toString());
            policy = snapshot.toPolicy(policyFile.getFileName().toString(), key);
        } catch (PolicyFormatException e) {
            requireLock(locked);
            Path aside = backupPath("corrupt");
            Files.move(policyFile, aside);
            return rebuild(entries -> e.getMessage() + "; moved it to " + aside.getFileName()
                    + " and rebuilt the policy from " + episodeLog.getFileName() + " (" + entries + " entries)", logSize);
        }
        if (snapshot.logBytes() == null) {
            // saved before snapshots, after every update: it includes the whole log
            if (locked) {
                byte[] converted = PolicyJson.write(PolicyDocument.of(policy).snapshotOf(logSize), false);
                AtomicFiles.write(policyFile, converted); // forced: the appends that follow rely on it
                return new Loaded(policy, logSize, Stamp.of(policyFile), logSize, converted.length, false);
            }
            return new Loaded(policy, logSize, document, logSize, bytes.length, false);
        }
        long included = snapshot.logBytes();
        if (included > logSize || (included > 0 && !endsLine(included))) {
            requireLock(locked);
            Path aside = backupPath("ahead");
            Files.move(policyFile, aside);
            return rebuild(entries -> policyFile.getFileName() + " is a snapshot of the first " + included
                    + " bytes of " + episodeLog.getFileName() + ", which has " + logSize + " bytes"
                    + (included > logSize ? "" : " and no line ending there")
                    + " (truncated or replaced?); moved it to " + aside.getFileName()
                    + " and rebuilt the policy from the log (" + entries + " entries)", logSize);
        }
        long end = replay(policy, included, locked);
        return new Loaded(policy, Math.abs(end), document, included, bytes.length, end < 0);
    }

    /**
     * Applies the log's whole lines after byte {@code from}; returns the offset after them, negated when
     * a line could not be read or replayed (reported; a snapshot then moves past it).
     */
    private long replay(Policy policy, long from, boolean locked) throws IOException {
        Consumer<String> report = locked ? warnings : w -> {
            throw new NeedsLock();
        };
        EpisodeLogReader.Tail tail = EpisodeLogReader.readTail(episodeLog, from, report);
        boolean skipped = tail.unreadable() > 0;
        for (LogEntry entry : tail.entries()) {
            try {
                EpisodeLogReader.apply(policy, entry, false);
            } catch (RuntimeException e) {
                report.accept("skipped an episode log entry that cannot be replayed (" + entry.at() + "): " + e.getMessage());
                skipped = true;
            }
        }
        return skipped ? -tail.end() : tail.end();
    }

    /** Rebuilds from the whole log (under the lock), then warns; a snapshot follows. */
    private Loaded rebuild(java.util.function.IntFunction<String> warning, long logSize) throws IOException {
        List<LogEntry> entries = EpisodeLogReader.read(episodeLog, warnings);
        if (warning != null) {
            warnings.accept(warning.apply(entries.size()));
        }
        Policy policy;
        try {
            policy = EpisodeLogReader.rebuild(key, entries, clock.instant());
        } catch (RuntimeException e) {
            throw new IOException("cannot rebuild the policy from " + episodeLog + ": " + e.getMessage(), e);
        }
        return new Loaded(policy, logSize, null, 0, 0, true);
    }

    private static void requireLock(boolean locked) {
        if (!locked) {
            throw new NeedsLock();
        }
    }

    /** A crash mid-append leaves a line without its newline: end it, so the next append starts a line. */
    private void terminateTornLine() throws IOException {
        long size;
        try {
            size = Files.size(episodeLog);
        } catch (NoSuchFileException e) {
            return;
        }
        if (size > 0 && !endsLine(size)) {
            AtomicFiles.append(episodeLog, new byte[] {'\n'});
        }
    }

    /** Whether the log's byte before {@code offset} is a newline. */
    private boolean endsLine(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(episodeLog, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            return channel.read(one, offset - 1) == 1 && one.get(0) == '\n';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Policy parseStrict(byte[] bytes, String source) {
        return PolicyJson.readDocument(bytes, source).toPolicy(source, key);
    }

    private static Policy copy(Policy policy) {
        return new Policy(policy.key(), policy.generation(), policy.parameters(), policy.rewards(), policy.table().copy(),
                policy.episodes(), policy.latencyThresholdOrNull(), policy.updatedAt());
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
