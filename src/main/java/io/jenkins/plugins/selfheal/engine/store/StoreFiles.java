package io.jenkins.plugins.selfheal.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A policy's files: the document, the episode log and the history summary beside it, and the backups named after the document. */
final class StoreFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    final Path policyFile;
    final Path episodeLog;
    /** The history's aggregates as of a prefix of the log ({@link HistorySummaries}). */
    final Path summaryFile;
    private final String stem;
    private final Clock clock;

    StoreFiles(Path policyFile, Clock clock) {
        this.policyFile = policyFile;
        String name = policyFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        this.episodeLog = policyFile.resolveSibling(stem + ".episodes.jsonl");
        this.summaryFile = policyFile.resolveSibling(stem + ".summary.json");
        this.stem = stem;
        this.clock = clock;
    }

    /** The {@code n}th gzip segment of the log ({@link SegmentedLog}). */
    Path segment(int n) {
        return policyFile.resolveSibling(stem + ".episodes." + String.format(Locale.ROOT, "%06d", n) + ".jsonl.gz");
    }

    /** The index of segment {@code n}: its place in the log and its episode ids ({@link SegmentIds}). */
    Path segmentIds(int n) {
        return policyFile.resolveSibling(stem + ".episodes." + String.format(Locale.ROOT, "%06d", n) + ".ids");
    }

    /** A file's identity, size and modification time (null when it does not exist). */
    record Stamp(Object fileKey, long size, FileTime modified) {
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

    /** The backups kept by resets, imports and recoveries (corrupt documents, snapshots ahead of their log), oldest first. */
    List<Path> backups() throws IOException {
        Path dir = policyFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = policyFile.getFileName() + ".";
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && (p.getFileName().toString().contains(".reset-") || p.getFileName().toString().contains(".corrupt-")
                            || p.getFileName().toString().contains(".import-")
                            || p.getFileName().toString().contains(".ahead-")))
                    .sorted()
                    .toList();
        }
    }

    /** A backup name not used yet (called under the lock): a second one in the same millisecond gets a counter. */
    Path backupPath(String why) {
        String stem = policyFile.getFileName() + "." + why + "-" + STAMP.format(clock.instant());
        Path candidate = policyFile.resolveSibling(stem + ".json");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = policyFile.resolveSibling(stem + "_" + String.format(Locale.ROOT, "%03d", n) + ".json");
        }
        return candidate;
    }

    /** A crash mid-append leaves a line without its newline: end it, so the next append starts a line. */
    void terminateTornLine() throws IOException {
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
    boolean endsLine(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(episodeLog, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            return channel.read(one, offset - 1) == 1 && one.get(0) == '\n';
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
