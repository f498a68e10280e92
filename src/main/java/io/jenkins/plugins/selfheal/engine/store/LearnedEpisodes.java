package io.jenkins.plugins.selfheal.engine.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Which episode ids the episode log holds, so an episode is learned at most once even when its
 * update reached the log but the caller never heard so (a snapshot that failed after the append, a
 * crash, a second click). Catches up with the log incrementally; guarded by the store lock.
 *
 * <p>Ids are read from the line's start as the store writes it ({@code {"type":"episode","id":"…"});
 * any other line that mentions an episode is parsed in full. A hit is confirmed by parsing its line,
 * so a torn line (a crash mid-append) never counts as learned.
 *
 * <p>A log of a million episodes has a million ids: they are kept as 64-bit hashes with the offset of
 * their line in two flat arrays (about 32 bytes an id, not the ~150 of a map of strings), and the log is
 * read in large blocks. Two ids with the same hash share a slot; the line read at the offset tells
 * them apart, and a full scan of the hot file finds the other one.
 *
 * <p>Only the hot file is scanned: the ids of the segments come from their indexes ({@link SegmentIds},
 * sorted hashes, 8 bytes an id), so a restart costs the same at a million episodes as at ten thousand. A
 * hash found in a segment's index is confirmed by reading that segment (a duplicate, or a collision).
 */
final class LearnedEpisodes {
    private static final byte[] PREFIX = "{\"type\":\"episode\",\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 1 << 20;

    private final StoreFiles files;
    private Object fileKey;
    private long scanned;
    /** Each id's last line in the hot file, by the id's hash. */
    private final IdIndex offsets = new IdIndex();
    /** The sorted id hashes of segments 1..n (immutable, so kept across rotations). */
    private final List<long[]> segments = new ArrayList<>();

    LearnedEpisodes(StoreFiles files) {
        this.files = files;
    }

    /** The readable episode with {@code id} in the log, if there is one. */
    Optional<LogEntry.EpisodeEntry> find(String id) throws IOException {
        catchUp();
        long key = hash(id.getBytes(StandardCharsets.UTF_8), 0, -1);
        long offset = offsets.get(key);
        Optional<LogEntry.EpisodeEntry> found = offset < 0 ? Optional.empty() : readAt(offset, id);
        if (offset >= 0 && found.isEmpty()) { // a torn line, or another id with the same hash: the last readable line of this id, if any
            long[] readable = {-1};
            scan(0, (line, length, at) -> {
                if (parse(line, length, id).isPresent()) {
                    readable[0] = at;
                }
            }, false);
            if (readable[0] >= 0) {
                found = readAt(readable[0], id);
            }
        }
        for (int n = segments.size(); found.isEmpty() && n >= 1; n--) {
            if (Arrays.binarySearch(segments.get(n - 1), key) >= 0) {
                found = inSegment(n, id); // rare: an episode learned again long after, or two ids with one hash
            }
        }
        return found;
    }

    /** The last readable line of {@code id} in segment {@code n}. */
    private Optional<LogEntry.EpisodeEntry> inSegment(int n, String id) throws IOException {
        Optional<LogEntry.EpisodeEntry> found = Optional.empty();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(files.segment(n)), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains(id)) {
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    Optional<LogEntry.EpisodeEntry> match = parse(bytes, bytes.length, id);
                    if (match.isPresent()) {
                        found = match;
                    }
                }
            }
        }
        return found;
    }

    private void catchUp() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(files.episodeLog, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            offsets.clear();
            segments.clear();
            scanned = 0;
            fileKey = null;
            return;
        }
        if (!Objects.equals(fileKey, attributes.fileKey()) || attributes.size() < scanned) {
            offsets.clear(); // replaced (a rotation) or truncated: the segments it names, then its own lines
            SegmentedLog.Header header;
            try (SegmentedLog opened = SegmentedLog.open(files)) {
                header = opened.header;
            }
            if (segments.size() > header.segments()) {
                segments.clear(); // another log: its segments are others
            }
            long start = 0;
            for (int n = 1; n <= header.segments(); n++) {
                SegmentIds.Meta meta = SegmentIds.meta(files, n);
                if (n > segments.size()) {
                    segments.add(SegmentIds.hashes(files, n, start));
                    meta = SegmentIds.meta(files, n);
                }
                start = meta == null ? start : meta.start() + meta.length();
            }
            scanned = header.length();
            fileKey = attributes.fileKey();
        }
        scanned = scan(scanned, (line, length, at) -> {
            long key = idKey(line, length);
            if (key != 0) {
                offsets.put(key, at);
            }
        }, false);
    }

    /** The hash of an episode line's id, or 0 when the line is not an episode (the segments' index keeps these). */
    static long idKey(byte[] line, int length) {
        if (startsWith(line, length, PREFIX)) {
            int end = PREFIX.length;
            while (end < length && line[end] != '"' && line[end] != '\\') {
                end++;
            }
            if (end < length && line[end] == '"') {
                return hash(line, PREFIX.length, end);
            }
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (!text.contains("\"episode\"")) {
            return 0;
        }
        try {
            return PolicyJson.readLogEntry(text, "episode log") instanceof LogEntry.EpisodeEntry e
                    && e.id() != null ? hash(e.id().getBytes(StandardCharsets.UTF_8), 0, -1) : 0;
        } catch (PolicyFormatException e) {
            return 0;
        }
    }

    /** FNV-1a over {@code bytes[from, to)} ({@code to} -1: to the end), never 0 (the index's empty slot). */
    private static long hash(byte[] bytes, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from, end = to < 0 ? bytes.length : to; i < end; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 29; // FNV's low bits mix poorly: the index uses them
        return h == 0 ? 1 : h;
    }

    private Optional<LogEntry.EpisodeEntry> readAt(long offset, String id) throws IOException {
        Object[] found = {null};
        scan(offset, (line, length, at) -> found[0] = parse(line, length, id).orElse(null), true);
        return Optional.ofNullable((LogEntry.EpisodeEntry) found[0]);
    }

    private Optional<LogEntry.EpisodeEntry> parse(byte[] line, int length, String id) {
        try {
            LogEntry entry = PolicyJson.readLogEntry(new String(line, 0, length, StandardCharsets.UTF_8),
                    files.episodeLog.getFileName().toString());
            return entry instanceof LogEntry.EpisodeEntry e && id.equals(e.id()) ? Optional.of(e) : Optional.empty();
        } catch (PolicyFormatException e) {
            return Optional.empty();
        }
    }

    private interface LineVisitor {
        void visit(byte[] line, int length, long offset);
    }

    /** Visits the whole lines from byte {@code from} on (or only the first); returns the offset after the last. */
    private long scan(long from, LineVisitor visitor, boolean firstOnly) throws IOException {
        try (FileChannel channel = FileChannel.open(files.episodeLog, StandardOpenOption.READ)) {
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            byte[] bytes = block.array();
            byte[] line = new byte[8192];
            int length = 0;
            long start = from;
            long position = from;
            int n;
            while ((n = channel.read(block, position)) > 0) {
                int lineStart = 0;
                for (int i = 0; i < n; i++) {
                    if (bytes[i] != '\n') {
                        continue;
                    }
                    line = appendTo(line, length, bytes, lineStart, i - lineStart);
                    length += i - lineStart;
                    visitor.visit(line, length, start);
                    if (firstOnly) {
                        return position + i + 1;
                    }
                    length = 0;
                    lineStart = i + 1;
                    start = position + i + 1;
                }
                line = appendTo(line, length, bytes, lineStart, n - lineStart);
                length += n - lineStart;
                position += n;
                block.clear();
            }
            return start; // a line without its newline yet is read next time
        } catch (NoSuchFileException e) {
            return from;
        }
    }

    private static byte[] appendTo(byte[] line, int length, byte[] from, int offset, int count) {
        byte[] target = length + count <= line.length ? line : Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        System.arraycopy(from, offset, target, length, count);
        return target;
    }

    private static boolean startsWith(byte[] line, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Open addressing from a non-zero 64-bit key to an offset, in two arrays. */
    private static final class IdIndex {
        private long[] keys = new long[1024];
        private long[] values = new long[1024];
        private int size;

        long get(long key) {
            int mask = keys.length - 1;
            for (int i = (int) key & mask; keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, long value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (int) key & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                size++;
                keys[i] = key;
            }
            values[i] = value;
        }

        void clear() {
            keys = new long[1024];
            values = new long[1024];
            size = 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
