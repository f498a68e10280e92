package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.StoreFiles.Stamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The update transaction: under the lock, load the freshest policy, apply the change, check it against
 * the log lines it produced, append them (the durable step) and, now and then, write a snapshot.
 */
final class PolicyTransaction {
    /** The least growth of the log, in bytes, before a new snapshot is written. */
    static final long MIN_SNAPSHOT_INTERVAL = 64 * 1024;

    private final PolicyLoader loader;
    private final StoreFiles files;
    /** The episode ids the log holds, so none is learned twice; used under the lock. */
    private final LearnedEpisodes learned;
    private final HistorySummaries summaries;

    /** Updates the policy {@code loader} loads (its files, key and clock) and keeps its history's summary. */
    PolicyTransaction(PolicyLoader loader, HistorySummaries summaries) {
        this.loader = loader;
        this.summaries = summaries;
        this.files = loader.files();
        this.learned = new LearnedEpisodes(files);
    }

    /** Applies {@code change} to the freshest policy under the lock and appends log lines describing it. */
    @SuppressWarnings("unchecked")
    <T> T apply(PolicyStore.Change<T> change) throws IOException {
        summaries.prepare(); // a summary rebuilt from the whole log is rebuilt here, not while holding the lock
        return StoreLock.withLock(files.policyFile, () -> {
            PolicyLoader.Loaded loaded = loader.load(true);
            Policy policy = loaded.policy();
            loader.remember(null); // until this update is on disk: if anything fails, load from the files next time
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
            Instant now = loader.clock().instant();
            List<LogEntry> entries = new ArrayList<>(policy.drainPendingLog());
            LogEntry.PatchEntry patch = UpdateCheck.verify(loader.key(), before, changed, entries, policy, now);
            if (patch != null) {
                entries.add(patch);
            }
            for (LogEntry entry : entries) {
                if (entry instanceof LogEntry.EpisodeEntry episode && episode.id() != null) {
                    java.util.Optional<LogEntry.EpisodeEntry> logged = learned.find(episode.id());
                    if (logged.isPresent()) {
                        throw new EpisodeAlreadyLearnedException(logged.get()); // nothing written; nothing remembered
                    }
                }
            }
            long logBytes = loaded.logBytes();
            if (!entries.isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (LogEntry entry : entries) {
                    text.append(new String(PolicyJson.write(entry, false), StandardCharsets.UTF_8)).append('\n');
                }
                long appendedAt = logBytes;
                AtomicFiles.append(files.episodeLog, text.toString().getBytes(StandardCharsets.UTF_8));
                try (SegmentedLog appended = SegmentedLog.open(files)) {
                    logBytes = appended.size(); // logical: the offsets of a log with segments go on from theirs
                }
                policy.touch(now);
                summaries.appended(appendedAt, entries, logBytes);
            }
            Stamp log = Stamp.of(files.episodeLog);
            boolean snapshot = loaded.snapshotNeeded()
                    || entries.stream().anyMatch(e -> e instanceof LogEntry.ResetEntry || e instanceof LogEntry.ImportEntry)
                    || logBytes - loaded.docLogBytes() >= Math.max(MIN_SNAPSHOT_INTERVAL, loaded.docSize());
            if (snapshot) {
                byte[] bytes = PolicyJson.write(PolicyDocument.of(policy).snapshotOf(logBytes), false);
                boolean covered = false;
                try {
                    AtomicFiles.deleteLeftovers(files.policyFile); // of snapshots a crash interrupted (we hold the lock)
                    AtomicFiles.writeSnapshot(files.policyFile, bytes);
                    loader.remember(new PolicyLoader.Cache(policy, logBytes, log, Stamp.of(files.policyFile), logBytes,
                            bytes.length));
                    covered = true;
                } catch (IOException e) {
                    // the update is durable in the log: a missing snapshot costs a longer replay, not the update
                    loader.warn("could not write the snapshot " + files.policyFile + " (" + e + "); the update is saved in "
                            + files.episodeLog.getFileName() + " and the snapshot will be written by a later update");
                }
                try {
                    // the history's summary as of the same log length: a view replays no more than this
                    covered &= summaries.save() == logBytes;
                } catch (IOException | RuntimeException e) {
                    covered = false;
                    loader.warn("could not write " + files.summaryFile + " (" + e + "); the update is saved in "
                            + files.episodeLog.getFileName() + " and the summary will be written by a later update");
                }
                if (covered && log != null && log.size() >= LogRotation.segmentBytes) {
                    rotate(policy, logBytes, bytes.length);
                }
            } else {
                loader.remember(new PolicyLoader.Cache(policy, logBytes, log, loaded.document(), loaded.docLogBytes(),
                        loaded.docSize()));
            }
            // the remembered policy must not be the one handed out: the caller may keep and change it
            return result == policy ? (T) PolicyStore.copy(policy) : result;
        });
    }

    /**
     * The hot log has grown past {@link LogRotation#segmentBytes} and the snapshot and summary just written cover
     * all of it: it moves into the next segment. A failure costs nothing but a longer hot file (retried with the
     * next snapshot); the log's logical bytes, and so the snapshot, the summary and what is remembered, are the same.
     */
    private void rotate(Policy policy, long logBytes, long docSize) {
        try {
            LogRotation.rotate(files, logBytes);
            loader.remember(new PolicyLoader.Cache(policy, logBytes, Stamp.of(files.episodeLog), Stamp.of(files.policyFile),
                    logBytes, docSize));
            summaries.rotated();
        } catch (IOException | RuntimeException e) {
            loader.remember(null);
            summaries.forget();
            loader.warn("could not move the start of " + files.episodeLog.getFileName() + " into a segment (" + e
                    + "); the update is saved and the log stays whole until a later update moves it");
        }
    }
}
