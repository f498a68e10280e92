package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
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
 * grown since the snapshot by more than the snapshot's own size (at least {@value PolicyTransaction#MIN_SNAPSHOT_INTERVAL}
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
 * <p>Beside them, {@code <name>.summary.json} holds the history's aggregates the pages draw
 * ({@link HistorySummary}) as of the same log length as the snapshot, written with it; {@link #summary()}
 * reads it plus the log after it, so a page costs the same at a million episodes as at a hundred. It is
 * derived from the log like the snapshot, and rebuilt from it when missing or not matching (see
 * {@link HistorySummaries}).
 *
 * <p>The log's hot file does not grow without bound: past {@value LogRotation#SEGMENT_BYTES} bytes, the update
 * that writes a snapshot moves it into the next immutable gzip segment beside it ({@link LogRotation}). Offsets
 * ("the first {@code logBytes} bytes") count the log as one stream, segments then hot file ({@link SegmentedLog}),
 * and everything that reads the whole log reads the segments too.
 *
 * <p>The store remembers the policy after its last update and the log length it includes; while the
 * document is the one it last saw (same file, size and modification time) and the log has not shrunk,
 * the next update starts from it and replays only what others appended since, instead of parsing the
 * document again.
 */
public final class PolicyStore {
    /** The least growth of the log, in bytes, before a new snapshot is written. */
    static final long MIN_SNAPSHOT_INTERVAL = PolicyTransaction.MIN_SNAPSHOT_INTERVAL;

    private final StoreFiles files;
    private final String key;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final PolicyLoader loader;
    private final PolicyTransaction transaction;
    private final PolicyMaintenance maintenance;
    private final HistorySummaries summaries;

    /** A change to a policy, run under the lock. The policy is valid only during the call. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(Policy policy) throws IOException;
    }

    public PolicyStore(Path policyFile, String key, Clock clock, Consumer<String> warnings) {
        this.files = new StoreFiles(policyFile, clock);
        this.key = Objects.requireNonNull(key, "key");
        this.clock = clock;
        this.warnings = warnings;
        this.loader = new PolicyLoader(files, this.key, clock, warnings);
        this.summaries = new HistorySummaries(files, warnings);
        this.transaction = new PolicyTransaction(loader, summaries);
        this.maintenance = new PolicyMaintenance(this, loader);
    }

    public Path policyFile() {
        return files.policyFile;
    }

    /** The episode log's hot file (the newest episodes; {@link #writeLog} streams the whole log, segments included). */
    public Path episodeLog() {
        return files.episodeLog;
    }

    /** The history's summary as of a prefix of the log ({@link #summary()}), rebuilt from the log when it does not match. */
    public Path summaryFile() {
        return files.summaryFile;
    }

    public boolean exists() {
        return Files.exists(files.policyFile) || Files.exists(files.episodeLog);
    }

    /**
     * The saved policy (an empty one when nothing is saved yet): the snapshot plus the log after it.
     * Reads without the lock unless this store has a remembered policy to start from (after its first
     * read or update), or something needs repair (a corrupt document, a warning), which runs under the lock.
     */
    public Policy read() throws IOException {
        if (!exists()) {
            return Policy.empty(key, Policy.INITIAL_GENERATION, clock.instant());
        }
        if (!loader.remembers()) {
            try {
                StoreFiles.Stamp log = StoreFiles.Stamp.of(files.episodeLog);
                PolicyLoader.Loaded loaded = loader.load(false);
                loader.rememberRead(loaded, log); // the next read replays only the log appended since
                return loaded.policy();
            } catch (PolicyLoader.NeedsLock e) {
                // repaired below, under the lock
            }
        }
        return update(PolicyStore::copy);
    }

    /** Applies {@code change} to the freshest policy under the lock and appends log lines describing it. */
    public <T> T update(Change<T> change) throws IOException {
        return transaction.apply(change);
    }

    /** Starts the policy over, keeping the old document as a backup file; returns the backup. */
    public Path reset(String by) throws IOException {
        return maintenance.reset(by);
    }

    /** Replaces the table with a validated document (an export, or a backup being restored). */
    public Policy importDocument(byte[] json, String source, String by) throws IOException {
        return maintenance.importDocument(json, source, by);
    }

    /**
     * Replaces the table with an imported one (e.g. the original simulation's rl_log.csv); a policy
     * that had learned anything is kept first as a backup ({@code .import-…}), as a reset keeps one.
     */
    public Policy importTable(QTable table, String source, String by) throws IOException {
        return maintenance.importTable(table, source, by);
    }

    public byte[] export() throws IOException {
        return maintenance.export();
    }

    /**
     * Every readable episode, reset and import of the episode log in order (patches, the store's own
     * bookkeeping, are left out); unreadable lines are reported and skipped.
     */
    public List<LogEntry> readLog() throws IOException {
        return EpisodeLogReader.history(EpisodeLogReader.read(files, warnings));
    }

    /**
     * Writes the whole episode log, as one JSON-lines stream, to {@code out}: its segments decompressed, then the
     * hot file after its header (what {@code episodes.jsonl} downloads). Reads without the lock: the hot file is
     * opened once, so a rotation meanwhile changes nothing of what is written.
     */
    public void writeLog(OutputStream out) throws IOException {
        try (SegmentedLog log = SegmentedLog.open(files); InputStream in = log.from(0)) {
            in.transferTo(out);
        }
    }

    /**
     * Copies this policy's files into {@code folder} under their own names (document, episode log with the
     * segments it names and their indexes, summary), for a reader that must change nothing here. The hot log
     * is copied before the segments its copy names: segments never change, so the copy is consistent even
     * when a rotation runs meanwhile. Segments are hard-linked where the file system allows it.
     */
    public void copyFilesTo(Path folder) throws IOException {
        for (Path file : new Path[] {files.policyFile, files.episodeLog, files.summaryFile}) {
            copy(file, folder.resolve(file.getFileName()), false);
        }
        StoreFiles copied = new StoreFiles(folder.resolve(files.policyFile.getFileName()), clock);
        int segments;
        try (SegmentedLog log = SegmentedLog.open(copied)) {
            segments = log.header.segments();
        }
        for (int n = 1; n <= segments; n++) {
            copy(files.segment(n), copied.segment(n), true);
            copy(files.segmentIds(n), copied.segmentIds(n), true);
        }
    }

    private static void copy(Path from, Path to, boolean immutable) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (immutable) {
            try {
                Files.createLink(to, from);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system, or no hard links: copied below
            }
        }
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /**
     * The newest {@code limit} episodes of the log, oldest first, and how many it records in all: the log is
     * streamed, so a long history costs one read but only {@code limit} episodes in memory.
     */
    public EpisodeWindow newestEpisodes(int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        ArrayDeque<Episode> newest = new ArrayDeque<>(Math.min(limit, 1024));
        long[] total = {0};
        EpisodeLogReader.stream(files, 0, warnings, entry -> entry.episode().ifPresent(e -> {
            total[0]++;
            if (newest.size() == limit) {
                newest.removeFirst();
            }
            newest.addLast(e);
        }));
        return new EpisodeWindow(List.copyOf(newest), total[0]);
    }

    /** See {@link #newestEpisodes}: {@code episodes} are the newest of {@code total}. */
    public record EpisodeWindow(List<Episode> episodes, long total) {
    }

    /**
     * The history's aggregates as the pages draw them (the episodes since the last reset or import): the
     * saved summary plus the log after it, or the whole log when the summary is missing or does not match.
     * Costs the log appended since the last call, not the whole history.
     */
    public HistorySummary summary() throws IOException {
        return summaries.current();
    }

    /**
     * What the files look like now (identity, size and modification time of the document and the log):
     * equal fingerprints mean nothing was written in between, so whatever was read from them still holds.
     */
    public Fingerprint fingerprint() throws IOException {
        return new Fingerprint(StoreFiles.Stamp.of(files.policyFile), StoreFiles.Stamp.of(files.episodeLog));
    }

    /** See {@link #fingerprint()}; compare with {@code equals} only. */
    public record Fingerprint(Object document, Object log) {
    }

    /** The backups kept by resets, imports and recoveries (corrupt documents, snapshots ahead of their log), oldest first. */
    public List<Path> backups() throws IOException {
        return files.backups();
    }

    static Policy copy(Policy policy) {
        return new Policy(policy.key(), policy.generation(), policy.parameters(), policy.rewards(), policy.table().copy(),
                policy.episodes(), policy.latencyThresholdOrNull(), policy.updatedAt());
    }
}
