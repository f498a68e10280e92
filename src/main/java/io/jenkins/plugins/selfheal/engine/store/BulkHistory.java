package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Episode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Writes, in one pass, the files a store would hold after learning {@code episodes} one by one on top of
 * {@code policy}: the log in its serialised form, then the snapshot and the history's summary as of its
 * end. For benchmarks and tests of long histories (a million transactions would cost a million fsyncs);
 * the episodes' recorded cell updates are logged as given, and {@code policy}'s table is taken as their result.
 */
public final class BulkHistory {
    /** The hot file's size past which the store moves it into a segment. */
    public static final long SEGMENT_BYTES = LogRotation.SEGMENT_BYTES;

    private BulkHistory() {
    }

    /** Replaces whatever policy was at {@code policyFile}; returns the log's length (logical: segments and hot file). */
    public static long write(Path policyFile, Policy policy, Iterator<Episode> episodes) throws IOException {
        return write(policyFile, policy, episodes, SEGMENT_BYTES);
    }

    /**
     * As {@link #write(Path, Policy, Iterator)}, moving the hot log into a segment whenever it grows past
     * {@code segmentBytes}, as the store's updates do (so a long history is on disk as the store keeps it).
     */
    public static long write(Path policyFile, Policy policy, Iterator<Episode> episodes, long segmentBytes) throws IOException {
        StoreFiles files = new StoreFiles(policyFile, java.time.Clock.systemUTC());
        Files.createDirectories(policyFile.toAbsolutePath().getParent());
        Files.deleteIfExists(files.episodeLog);
        HistorySummary summary = new HistorySummary();
        long count = 0;
        long logBytes = 0;
        while (episodes.hasNext()) {
            long hotBytes;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.episodeLog,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), 1 << 16)) {
                hotBytes = Files.size(files.episodeLog);
                while (episodes.hasNext() && hotBytes < segmentBytes) {
                    LogEntry.EpisodeEntry entry = EpisodeRecords.entry(episodes.next());
                    byte[] line = PolicyJson.MAPPER.writeValueAsBytes(entry);
                    out.write(line);
                    out.write('\n');
                    hotBytes += line.length + 1;
                    logBytes += line.length + 1;
                    summary.apply(entry);
                    count++;
                }
            }
            if (hotBytes >= segmentBytes) {
                LogRotation.rotate(files, logBytes);
            }
        }
        try (java.nio.channels.FileChannel log = java.nio.channels.FileChannel.open(files.episodeLog,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            log.force(true); // on disk before anything is measured: no writeback of it left to slow the first fsync
        }
        Policy written = new Policy(policy.key(), policy.generation(), policy.parameters(), policy.rewards(),
                policy.table().copy(), policy.episodes() + count, policy.latencyThresholdOrNull(), policy.updatedAt());
        AtomicFiles.writeSnapshot(policyFile, PolicyJson.write(PolicyDocument.of(written).snapshotOf(logBytes), false));
        HistorySummaries summaries = new HistorySummaries(files, w -> { });
        summaries.write(summary, logBytes, true);
        return logBytes;
    }
}
