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
    private BulkHistory() {
    }

    /** Replaces whatever policy was at {@code policyFile}; returns the log's length. */
    public static long write(Path policyFile, Policy policy, Iterator<Episode> episodes) throws IOException {
        StoreFiles files = new StoreFiles(policyFile, java.time.Clock.systemUTC());
        Files.createDirectories(policyFile.toAbsolutePath().getParent());
        HistorySummary summary = new HistorySummary();
        long count = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.episodeLog), 1 << 16)) {
            while (episodes.hasNext()) {
                Episode episode = episodes.next();
                LogEntry.EpisodeEntry entry = EpisodeRecords.entry(episode);
                out.write(PolicyJson.MAPPER.writeValueAsBytes(entry));
                out.write('\n');
                summary.apply(entry);
                count++;
            }
        }
        try (java.nio.channels.FileChannel log = java.nio.channels.FileChannel.open(files.episodeLog,
                java.nio.file.StandardOpenOption.WRITE)) {
            log.force(true); // on disk before anything is measured: no writeback of it left to slow the first fsync
        }
        long logBytes = Files.size(files.episodeLog);
        Policy written = new Policy(policy.key(), policy.generation(), policy.parameters(), policy.rewards(),
                policy.table().copy(), policy.episodes() + count, policy.latencyThresholdOrNull(), policy.updatedAt());
        AtomicFiles.writeSnapshot(policyFile, PolicyJson.write(PolicyDocument.of(written).snapshotOf(logBytes), false));
        HistorySummaries summaries = new HistorySummaries(files, w -> { });
        summaries.write(summary, logBytes, true);
        return logBytes;
    }
}
