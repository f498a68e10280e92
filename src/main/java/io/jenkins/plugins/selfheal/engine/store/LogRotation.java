package io.jenkins.plugins.selfheal.engine.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * Moves the start of the hot episode log into the next gzip segment (see {@link SegmentedLog}); under the
 * store lock, only for a prefix that the snapshot and the summary both cover (so neither reads it again).
 *
 * <p>Crash safety, step by step (a crash leaves the folder as one of these states):
 * <ol>
 *   <li>segment {@code n} is written to a temporary file, forced, renamed to its name, and the folder forced;
 *   <li>its index ({@link SegmentIds}) likewise;
 *   <li>the new hot file (a header naming segments 1..n and their length, then the bytes after the cut) is
 *       written to a temporary file, forced, and renamed over the hot file; the folder is forced.
 * </ol>
 * Until the rename in step 3 the old hot file names segments 1..n-1 only: segment n and its index are
 * unreferenced leftovers, each byte is still read once from the hot file, and the next rotation writes them
 * again. After the rename the header names segment n and the hot file no longer holds its bytes. The rename
 * is the one atomic switch; the "move visible" and "shorten the hot file" steps are the same step.
 */
final class LogRotation {
    /** The hot file's size past which a snapshot's update moves it into a segment. */
    static final long SEGMENT_BYTES = 16L << 20;

    /** The steps after which a test may simulate a crash. */
    enum Step { SEGMENT_WRITTEN, IDS_WRITTEN, HOT_WRITTEN, HOT_RENAMED }

    /** A test hook run after each step (may throw to simulate a crash there). */
    interface Hook {
        void after(Step step) throws IOException;
    }

    static volatile Hook hook = step -> { };

    /** {@link #SEGMENT_BYTES}, lowered by tests. */
    static volatile long segmentBytes = SEGMENT_BYTES;

    private LogRotation() {
    }

    /**
     * Moves the hot file's bytes before logical offset {@code cut} (a line boundary) into a new segment; called
     * under the lock. Returns the new hot file's header.
     */
    static SegmentedLog.Header rotate(StoreFiles files, long cut) throws IOException {
        try (SegmentedLog log = SegmentedLog.open(files)) {
            SegmentedLog.Header old = log.header;
            if (cut <= old.base() || cut > log.size() || !log.endsLine(cut)) {
                throw new IllegalArgumentException("cut " + cut + " is not a line end in the hot file [" + old.base() + ", "
                        + log.size() + "]");
            }
            int n = old.segments() + 1;
            Path segment = files.segment(n);
            AtomicFiles.deleteLeftovers(segment);
            AtomicFiles.deleteLeftovers(files.episodeLog);
            SegmentIds.Builder ids = new SegmentIds.Builder(old.base());
            try (FileChannel hot = FileChannel.open(files.episodeLog, StandardOpenOption.READ)) {
                writeForced(segment, files.episodeLog, out -> {
                    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
                        copy(hot, log.physical(old.base()), log.physical(cut), gzip, ids);
                    }
                });
                hook.after(Step.SEGMENT_WRITTEN);
                AtomicFiles.write(files.segmentIds(n), ids.bytes());
                hook.after(Step.IDS_WRITTEN);
                SegmentedLog.Header next = new SegmentedLog.Header(n, cut, 0);
                byte[] line = next.line();
                Path temp = Files.createTempFile(files.episodeLog.toAbsolutePath().getParent(),
                        "." + files.episodeLog.getFileName() + ".", ".tmp");
                try {
                    AtomicFiles.readableLikeAPlainFile(temp, files.episodeLog); // keeps the log's permissions
                    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        out.write(ByteBuffer.wrap(line));
                        try (OutputStream stream = Channels.newOutputStream(out)) {
                            copy(hot, log.physical(cut), hot.size(), nonClosing(stream), null);
                            out.force(true);
                        }
                    }
                    hook.after(Step.HOT_WRITTEN);
                    move(temp, files.episodeLog);
                } finally {
                    Files.deleteIfExists(temp);
                }
                hook.after(Step.HOT_RENAMED);
                AtomicFiles.forceDirectory(files.episodeLog.toAbsolutePath().getParent());
                return new SegmentedLog.Header(n, cut, line.length);
            }
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code target} (with {@code like}'s permissions) through a temporary file, forced, renamed, the folder forced. */
    private static void writeForced(Path target, Path like, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            AtomicFiles.readableLikeAPlainFile(temp, like);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.write(nonClosing(Channels.newOutputStream(channel)));
                channel.force(true);
            }
            move(temp, target);
            AtomicFiles.forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copy(FileChannel from, long start, long end, OutputStream out, SegmentIds.Builder ids)
            throws IOException {
        ByteBuffer block = ByteBuffer.allocate(1 << 16);
        for (long position = start; position < end; ) {
            block.clear().limit((int) Math.min(block.capacity(), end - position));
            int n = from.read(block, position);
            if (n <= 0) {
                throw new IOException("the episode log ended at byte " + position + " while moving it into a segment");
            }
            out.write(block.array(), 0, n);
            if (ids != null) {
                ids.accept(block.array(), 0, n);
            }
            position += n;
        }
    }

    /** Closing the gzip stream must finish it, not close the channel before it is forced. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
