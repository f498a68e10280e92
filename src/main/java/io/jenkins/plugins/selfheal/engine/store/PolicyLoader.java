package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.store.StoreFiles.Stamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loading and recovery: the freshest policy from the remembered one or the snapshot plus the log
 * after it, repairing what it finds (see {@link PolicyStore}). Remembers the policy after the last
 * update; guarded by the store's lock.
 */
final class PolicyLoader {
    private final StoreFiles files;
    private final String key;
    private final Clock clock;
    private final Consumer<String> warnings;
    // volatile: read() looks at it without the lock (then takes the lock to use it)
    private volatile Cache cache;

    /**
     * The policy as of the first {@code logBytes} bytes of the log, and the document on disk.
     *
     * @param document    the document as last seen (null when there is none)
     * @param docLogBytes the log length that document includes
     * @param docSize     its size
     */
    record Cache(Policy policy, long logBytes, Stamp log, Stamp document, long docLogBytes, long docSize) {
    }

    /**
     * A policy loaded for an update, and whether a snapshot must follow (without the lock: also for a
     * document from before snapshots, which the next update converts).
     */
    record Loaded(Policy policy, long logBytes, Stamp document, long docLogBytes, long docSize,
                  boolean snapshotNeeded) {
    }

    /** Thrown by a load without the lock when something needs the lock (a repair, a warning). */
    static final class NeedsLock extends RuntimeException {
        NeedsLock() {
            super(null, null, false, false);
        }
    }

    PolicyLoader(StoreFiles files, String key, Clock clock, Consumer<String> warnings) {
        this.files = files;
        this.key = key;
        this.clock = clock;
        this.warnings = warnings;
    }

    StoreFiles files() {
        return files;
    }

    String key() {
        return key;
    }

    /** Reports a problem the store recovered from (to the log of Jenkins or the CLI's terminal). */
    void warn(String warning) {
        warnings.accept(warning);
    }

    Clock clock() {
        return clock;
    }

    boolean remembers() {
        return cache != null;
    }

    /**
     * Remembers what a load without the lock read, when it is a plain snapshot plus whole log lines (nothing
     * to repair or convert): the next read replays only what was appended since instead of parsing the
     * document again. The policy remembered is a copy; {@code loaded}'s own may be handed out.
     */
    void rememberRead(Loaded loaded, Stamp log) {
        if (!loaded.snapshotNeeded() && loaded.document() != null && log != null && cache == null) {
            cache = new Cache(PolicyStore.copy(loaded.policy()), loaded.logBytes(), log, loaded.document(),
                    loaded.docLogBytes(), loaded.docSize());
        }
    }

    /** Remembers {@code remembered} for the next load (null: load from the files next time). */
    void remember(Cache remembered) {
        this.cache = remembered;
    }

    /**
     * The freshest policy: the remembered one or the snapshot, plus the log after it. Without the lock,
     * anything unusual throws {@link NeedsLock}; with it, a torn last log line is terminated, a corrupt
     * snapshot or one ahead of its log is moved aside and the policy rebuilt from the log (warning), and
     * a document from before snapshots is converted.
     */
    Loaded load(boolean locked) throws IOException {
        if (locked) {
            files.terminateTornLine();
        }
        Stamp log = Stamp.of(files.episodeLog); // before opening: a rotation in between makes the stamp stale, never wrong
        try (SegmentedLog opened = SegmentedLog.open(files)) {
            return load(locked, log, opened);
        }
    }

    private Loaded load(boolean locked, Stamp log, SegmentedLog opened) throws IOException {
        long logSize = opened.size(); // logical: the segments' bytes and the hot file's after its header
        Stamp document = Stamp.of(files.policyFile);
        Cache remembered = cache;
        if (locked && remembered != null && document != null && document.equals(remembered.document())
                && (log == null ? remembered.log() == null : log.sameFile(remembered.log()))
                && logSize >= remembered.logBytes()) {
            Policy policy = remembered.policy();
            cache = null; // handed to the change: remembered again once the update is saved
            long end = replay(opened, policy, remembered.logBytes(), true);
            return new Loaded(policy, Math.abs(end), remembered.document(), remembered.docLogBytes(),
                    remembered.docSize(), end < 0);
        }
        if (document == null) {
            if (log == null) {
                return new Loaded(Policy.empty(key, Policy.INITIAL_GENERATION, clock.instant()), 0, null, 0, 0, true);
            }
            requireLock(locked);
            warnings.accept(files.policyFile + " is missing; rebuilding the policy from " + files.episodeLog);
            return rebuild(null, logSize);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(files.policyFile);
        } catch (NoSuchFileException e) {
            requireLock(locked);
            warnings.accept(files.policyFile + " is missing; rebuilding the policy from " + files.episodeLog);
            return rebuild(null, logSize);
        }
        PolicyDocument snapshot;
        Policy policy;
        try {
            snapshot = PolicyJson.readDocument(bytes, files.policyFile.getFileName().toString());
            policy = snapshot.toPolicy(files.policyFile.getFileName().toString(), key);
        } catch (PolicyFormatException e) {
            requireLock(locked);
            Path aside = files.backupPath("corrupt");
            Files.move(files.policyFile, aside);
            return rebuild(entries -> e.getMessage() + "; moved it to " + aside.getFileName()
                    + " and rebuilt the policy from " + files.episodeLog.getFileName() + " (" + entries + " entries)", logSize);
        }
        if (snapshot.logBytes() == null) {
            // saved before snapshots, after every update: it includes the whole log
            if (locked) {
                byte[] converted = PolicyJson.write(PolicyDocument.of(policy).snapshotOf(logSize), false);
                AtomicFiles.write(files.policyFile, converted); // forced: the appends that follow rely on it
                return new Loaded(policy, logSize, Stamp.of(files.policyFile), logSize, converted.length, false);
            }
            return new Loaded(policy, logSize, document, logSize, bytes.length, true); // the conversion must follow
        }
        long included = snapshot.logBytes();
        if (included > logSize || (included > 0 && !opened.endsLine(included))) {
            requireLock(locked);
            Path aside = files.backupPath("ahead");
            Files.move(files.policyFile, aside);
            return rebuild(entries -> files.policyFile.getFileName() + " is a snapshot of the first " + included
                    + " bytes of " + files.episodeLog.getFileName() + ", which has " + logSize + " bytes"
                    + (included > logSize ? "" : " and no line ending there")
                    + " (truncated or replaced?); moved it to " + aside.getFileName()
                    + " and rebuilt the policy from the log (" + entries + " entries)", logSize);
        }
        long end = replay(opened, policy, included, locked);
        return new Loaded(policy, Math.abs(end), document, included, bytes.length, end < 0);
    }

    /**
     * Applies the log's whole lines after byte {@code from}; returns the offset after them, negated when
     * a line could not be read or replayed (reported; a snapshot then moves past it).
     */
    private long replay(SegmentedLog log, Policy policy, long from, boolean locked) throws IOException {
        Consumer<String> report = locked ? warnings : w -> {
            throw new NeedsLock();
        };
        EpisodeLogReader.Tail tail = EpisodeLogReader.readTail(log, from, report);
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
        List<LogEntry> entries = EpisodeLogReader.read(files, warnings);
        if (warning != null) {
            warnings.accept(warning.apply(entries.size()));
        }
        Policy policy;
        try {
            policy = EpisodeLogReader.rebuild(key, entries, clock.instant(), warnings);
        } catch (RuntimeException e) {
            throw new IOException("cannot rebuild the policy from " + files.episodeLog + ": " + e.getMessage(), e);
        }
        return new Loaded(policy, logSize, null, 0, 0, true);
    }

    private static void requireLock(boolean locked) {
        if (!locked) {
            throw new NeedsLock();
        }
    }
}
