package io.jenkins.plugins.selfheal.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * The episode log as one sequence of bytes, its <em>logical</em> offsets: the gzip segments the hot file
 * names ({@code <name>.episodes.000001.jsonl.gz}, …), then the hot file after its header line. Offsets in
 * the snapshot and the summary are logical, so moving a prefix into a segment changes none of them.
 *
 * <p>A hot file that continues segments starts with {@value #HEADER_PREFIX}{@code "segments":N,"base":B}},
 * meaning segments 1..N hold the log's first B bytes; a log without that line (every log written before
 * segments) has none. The header is the one place that makes a rotation visible: it changes with the rename
 * of a new hot file, so whoever opened a hot file sees that file's segments and content, each byte once.
 * Segments are immutable and never deleted; one with a higher number than the header names is a leftover
 * of an interrupted rotation and is ignored (the next rotation overwrites it).
 *
 * <p>Opened once, a log reads the hot file it opened (its inode) however often it is replaced meanwhile.
 */
final class SegmentedLog implements Closeable {
    static final String HEADER_PREFIX = "{\"type\":\"continued\",";
    private static final int MAX_HEADER = 256;

    /** What a hot file's first line says: {@code segments} segments hold the log's first {@code base} bytes. */
    record Header(int segments, long base, int length) {
        static final Header NONE = new Header(0, 0, 0);

        byte[] line() {
            return (HEADER_PREFIX + "\"segments\":" + segments + ",\"base\":" + base + "}\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final StoreFiles files;
    private final FileChannel hot; // null: no hot file
    final Header header;

    private SegmentedLog(StoreFiles files, FileChannel hot, Header header) {
        this.files = files;
        this.hot = hot;
        this.header = header;
    }

    /** Opens the hot file as it is now (none yet: an empty log). */
    static SegmentedLog open(StoreFiles files) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(files.episodeLog, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return new SegmentedLog(files, null, Header.NONE);
        }
        try {
            return new SegmentedLog(files, channel, header(channel, files));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Header header(FileChannel channel, StoreFiles files) throws IOException {
        ByteBuffer first = ByteBuffer.allocate(MAX_HEADER);
        while (first.hasRemaining() && channel.read(first, first.position()) > 0) {
            // the first bytes, or the whole file if shorter
        }
        String text = new String(first.array(), 0, first.position(), StandardCharsets.US_ASCII);
        if (!text.startsWith(HEADER_PREFIX)) {
            return Header.NONE;
        }
        int end = text.indexOf('\n');
        try {
            var node = PolicyJson.MAPPER.readTree(text.substring(0, end));
            int segments = node.get("segments").intValue();
            long base = node.get("base").longValue();
            if (segments < 1 || base < 0) {
                throw new IllegalArgumentException("out of range");
            }
            return new Header(segments, base, end + 1);
        } catch (IOException | RuntimeException e) { // damaged, not lost: refused (a guess could overwrite segment 1 later)
            String shown = text.substring(0, Math.min(end < 0 ? text.length() : end, 80)).replaceAll("\\p{Cntrl}", "?");
            throw new PolicyFormatException(files.episodeLog.getFileName().toString(), null,
                    "unreadable first line (the segments it continues): " + shown);
        }
    }

    /** Whether there is a hot file (a log with segments always has one). */
    boolean exists() {
        return hot != null;
    }

    /** The hot file's name, for messages. */
    String name() {
        return files.episodeLog.getFileName().toString();
    }

    /** Whether the log's byte before logical offset {@code offset} is a newline. */
    boolean endsLine(long offset) throws IOException {
        if (offset == header.base && header.segments > 0) {
            return true; // a segment ends where a line ends (LogRotation cuts only there)
        }
        byte[] before = offset < 1 ? new byte[0] : range(offset - 1, offset);
        return before.length == 1 && before[0] == '\n';
    }

    /** The log's length in logical bytes (the hot file as it is now). */
    long size() throws IOException {
        return hot == null ? 0 : header.base + hot.size() - header.length;
    }

    /** The hot file's byte for a logical offset at or after {@link Header#base}. */
    long physical(long logical) {
        return logical - header.base + header.length;
    }

    /** The logical offset of a byte of the hot file. */
    long logical(long physical) {
        return physical - header.length + header.base;
    }

    /**
     * The log's bytes from logical offset {@code from} to the end of the hot file (as it grows while read).
     * Segments wholly before {@code from} are not opened (their index says where they end); the others are
     * opened one at a time as the stream reaches them.
     */
    InputStream from(long from) throws IOException {
        if (from >= header.base) {
            return new Concatenation(header.segments + 1, 0, from); // the hot file only: no segment even looked at
        }
        long position = 0;
        int first = 1;
        for (; first <= header.segments; first++) {
            SegmentIds.Meta meta = SegmentIds.meta(files, first);
            if (meta == null || meta.start() != position || position + meta.length() > from) {
                break;
            }
            position += meta.length(); // wholly before: not even opened
        }
        for (int n = first; n <= header.segments; n++) {
            if (!Files.exists(files.segment(n))) {
                throw new IOException(files.segment(n).getFileName() + " is missing: " + files.episodeLog.getFileName()
                        + " continues " + header.segments + " segments, and the episodes of this one cannot be read");
            }
        }
        return new Concatenation(first, Math.max(0, from - position), from);
    }

    /** Segments {@code next}.. then the hot file, skipping the first {@code skip} bytes of the segments' part. */
    private final class Concatenation extends BlockStream {
        private int next;
        private long skip;
        private final long from;
        private InputStream current;
        private boolean hotOpened;

        Concatenation(int next, long skip, long from) {
            this.next = next;
            this.skip = skip;
            this.from = from;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (true) {
                if (current == null && !advance()) {
                    return -1;
                }
                int n = current.read(bytes, offset, length);
                if (n != -1) {
                    return n;
                }
                current.close();
                current = null;
            }
        }

        private boolean advance() throws IOException {
            if (next <= header.segments) {
                SkippingGzip segment = new SkippingGzip(Files.newInputStream(files.segment(next++)));
                skip -= segment.skipNBytes0(skip);
                current = segment;
                return true;
            }
            if (hot != null && !hotOpened) {
                hotOpened = true;
                current = new HotStream(hot, physical(Math.max(from, header.base)));
                return true;
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }

    /** The logical bytes {@code [from, to)}; the end of the last segment is kept in its index, so no decompression. */
    byte[] range(long from, long to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (to - from));
        long at = from;
        if (at < header.base) {
            SegmentIds.Meta last = SegmentIds.meta(files, header.segments);
            long tailStart = header.base - (last == null ? 0 : last.tail().length);
            if (last != null && last.start() + last.length() == header.base && at >= tailStart) {
                int offset = (int) (at - tailStart);
                int count = (int) (Math.min(to, header.base) - at);
                out.write(last.tail(), offset, count);
            } else {
                try (InputStream in = from(at)) {
                    out.write(in.readNBytes((int) (Math.min(to, header.base) - at)));
                }
            }
            at = Math.min(to, header.base);
        }
        if (at < to && hot != null) {
            ByteBuffer buffer = ByteBuffer.allocate((int) (to - at));
            long position = physical(at);
            while (buffer.hasRemaining() && hot.read(buffer, position + buffer.position()) > 0) {
                // until full or the end of the file
            }
            out.write(buffer.array(), 0, buffer.position());
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (hot != null) {
            hot.close();
        }
    }

    /** A gzip stream whose skip reads through (GZIPInputStream's skip does, but may stop short). */
    private static final class SkippingGzip extends GZIPInputStream {
        SkippingGzip(InputStream in) throws IOException {
            super(in, 1 << 16);
        }

        /** Skips up to {@code n} bytes, fewer only at the end; returns how many. */
        long skipNBytes0(long n) throws IOException {
            long done = 0;
            while (done < n) {
                long step = skip(n - done);
                if (step <= 0) {
                    if (read() < 0) {
                        break;
                    }
                    step = 1;
                }
                done += step;
            }
            return done;
        }
    }

    /** Reads a channel from a position by absolute reads: the channel stays usable for others. */
    private static final class HotStream extends BlockStream {
        private final FileChannel channel;
        private long position;

        HotStream(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the log closes the channel
        }
    }

    /** A stream read in blocks; a single byte is a block of one. */
    private abstract static class BlockStream extends InputStream {
        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }
}
