package io.jenkins.plugins.selfheal.engine.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which episode ids the episode log holds, so an episode is learned at most once even when its
 * update reached the log but the caller never heard so (a snapshot that failed after the append, a
 * crash, a second click). Catches up with the log incrementally; guarded by the store lock.
 *
 * <p>Ids are read from the line's start as the store writes it ({@code {"type":"episode","id":"…"});
 * any other line that mentions an episode is parsed in full. A hit is confirmed by parsing its line,
 * so a torn line (a crash mid-append) never counts as learned.
 */
final class LearnedEpisodes {
    private static final byte[] PREFIX = "{\"type\":\"episode\",\"id\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Path log;
    private Object fileKey;
    private long scanned;
    /** Each id's last line in the log. */
    private final Map<String, Long> offsets = new HashMap<>();

    LearnedEpisodes(Path log) {
        this.log = log;
    }

    /** The readable episode with {@code id} in the log, if there is one. */
    Optional<LogEntry.EpisodeEntry> find(String id) throws IOException {
        catchUp();
        Long offset = offsets.get(id);
        if (offset == null) {
            return Optional.empty();
        }
        Optional<LogEntry.EpisodeEntry> found = readAt(offset, id);
        if (found.isEmpty()) {
            offsets.remove(id); // a torn line: look for a readable one further back
            Long[] earlier = {null};
            scan(0, (line, at) -> {
                if (at < offset && parse(line, id).isPresent()) {
                    earlier[0] = at;
                }
            });
            if (earlier[0] != null) {
                offsets.put(id, earlier[0]);
                found = readAt(earlier[0], id);
            }
        }
        return found;
    }

    private void catchUp() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(log, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            offsets.clear();
            scanned = 0;
            fileKey = null;
            return;
        }
        if (!Objects.equals(fileKey, attributes.fileKey()) || attributes.size() < scanned) {
            offsets.clear(); // replaced or truncated: start over
            scanned = 0;
            fileKey = attributes.fileKey();
        }
        scanned = scan(scanned, (line, at) -> {
            String id = idOf(line);
            if (id != null) {
                offsets.put(id, at);
            }
        });
    }

    /** The id of an episode line, or null. */
    private String idOf(byte[] line) {
        if (startsWith(line, PREFIX)) {
            int end = PREFIX.length;
            while (end < line.length && line[end] != '"' && line[end] != '\\') {
                end++;
            }
            if (end < line.length && line[end] == '"') {
                return new String(line, PREFIX.length, end - PREFIX.length, StandardCharsets.UTF_8);
            }
        }
        String text = new String(line, StandardCharsets.UTF_8);
        if (!text.contains("\"episode\"")) {
            return null;
        }
        try {
            return PolicyJson.readLogEntry(text, log.getFileName().toString()) instanceof LogEntry.EpisodeEntry e ? e.id() : null;
        } catch (PolicyFormatException e) {
            return null;
        }
    }

    private Optional<LogEntry.EpisodeEntry> readAt(long offset, String id) throws IOException {
        Object[] found = {null};
        scan(offset, (line, at) -> {
            if (at == offset) {
                found[0] = parse(line, id).orElse(null);
            }
        }, true);
        return Optional.ofNullable((LogEntry.EpisodeEntry) found[0]);
    }

    private Optional<LogEntry.EpisodeEntry> parse(byte[] line, String id) {
        try {
            LogEntry entry = PolicyJson.readLogEntry(new String(line, StandardCharsets.UTF_8), log.getFileName().toString());
            return entry instanceof LogEntry.EpisodeEntry e && id.equals(e.id()) ? Optional.of(e) : Optional.empty();
        } catch (PolicyFormatException e) {
            return Optional.empty();
        }
    }

    private interface LineVisitor {
        void visit(byte[] line, long offset);
    }

    private long scan(long from, LineVisitor visitor) throws IOException {
        return scan(from, visitor, false);
    }

    /** Visits the whole lines from byte {@code from} on (or only the first); returns the offset after the last. */
    private long scan(long from, LineVisitor visitor, boolean firstOnly) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ);
             InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(from)), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long start = from;
            long position = from;
            int b;
            while ((b = in.read()) >= 0) {
                position++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                visitor.visit(line.toByteArray(), start);
                if (firstOnly) {
                    return position;
                }
                line.reset();
                start = position;
            }
            return start; // a line without its newline yet is read next time
        } catch (NoSuchFileException e) {
            return from;
        }
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        if (line.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
