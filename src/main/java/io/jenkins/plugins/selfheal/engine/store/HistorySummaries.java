package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.selfheal.engine.store.StoreFiles.Stamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The {@link HistorySummary} of a policy's log: {@code <name>.summary.json} holds it as of the first
 * {@code logBytes} bytes of the log, written with each snapshot (in the update's transaction, under
 * the lock), so a reader replays at most the log after the snapshot. The file also records a checksum
 * of the bytes just before {@code logBytes}: a summary that is missing, unreadable, claims more than
 * the log holds or does not match the log's bytes (a log replaced or truncated) is rebuilt from the
 * whole log and written again. A crash after an append and before the summary's write leaves it behind
 * the log, never wrong: the replay of the log after it brings it up to date.
 *
 * <p>Remembers the summary it last computed and the log length it covers, so the next call reads only
 * what was appended since.
 */
final class HistorySummaries {
    static final String FORMAT = "self-heal-summary";
    static final int VERSION = 1;
    /** How many bytes before {@code logBytes} the checksum covers. */
    static final int CHECKED = 4096;

    /** The file's form. */
    @JsonPropertyOrder({"format", "version", "logBytes", "checksum", "summary"})
    record Saved(String format, int version, long logBytes, long checksum, HistorySummary summary) {
    }

    private final StoreFiles files;
    /** Reports the summary's own file problems; the log's are the loader's to report (once, not twice). */
    private final Consumer<String> warnings;
    private HistorySummary summary;
    private long covered;
    private Object logKey;

    HistorySummaries(StoreFiles files, Consumer<String> warnings) {
        this.files = files;
        this.warnings = warnings;
    }

    /** The summary of every whole line of the log now (a copy: the caller may keep it). */
    synchronized HistorySummary current() throws IOException {
        Stamp log = Stamp.of(files.episodeLog);
        if (log == null) {
            forget();
            return new HistorySummary();
        }
        try (SegmentedLog opened = SegmentedLog.open(files)) { // offsets are logical: the same across a rotation
            if (summary == null || !Objects.equals(logKey, log.fileKey()) || opened.size() < covered) {
                load(log, opened);
            }
            covered = EpisodeLogReader.stream(opened, covered, unreported -> { }, this::apply);
        }
        return summary.copy();
    }

    /**
     * Before an update takes the lock: a summary not loaded yet (a new store, or one that must be rebuilt from
     * the whole log) is read now, so the update under the lock replays only the log's tail. The log is
     * append-only and segments never change, so what is read here stays true; failures are left to the update.
     */
    void prepare() {
        synchronized (this) {
            if (summary != null) {
                return;
            }
        }
        try {
            current();
        } catch (IOException | RuntimeException e) {
            forget(); // read again, and reported, under the lock
        }
    }

    /**
     * An update appended {@code entries} from byte {@code before} to {@code after} (under the lock): the
     * remembered summary takes them without reading the log again, if it was up to date.
     */
    synchronized void appended(long before, List<LogEntry> entries, long after) {
        try {
            Stamp log = Stamp.of(files.episodeLog);
            if (summary != null && covered == before && log != null && Objects.equals(logKey, log.fileKey())) {
                entries.forEach(summary::apply);
                covered = after;
                return;
            }
        } catch (IOException | RuntimeException e) {
            // the update is saved: the summary is read from the files next time
        }
        forget();
    }

    /** A rotation replaced the hot file (under the lock): the log's logical bytes, and so this summary, are unchanged. */
    synchronized void rotated() throws IOException {
        Stamp log = Stamp.of(files.episodeLog);
        if (summary != null && log != null) {
            logKey = log.fileKey();
        }
    }

    /** Writes the summary as of the whole log (under the lock, with a snapshot of the same length). */
    synchronized long save() throws IOException {
        current();
        write(summary, covered, true);
        return covered;
    }

    private void apply(LogEntry entry) {
        try {
            summary.apply(entry);
        } catch (RuntimeException e) {
            // readable JSON that is not an episode: the loader reports it when it replays the same line
        }
    }

    synchronized void forget() {
        summary = null;
        covered = 0;
        logKey = null;
    }

    private void load(Stamp log, SegmentedLog opened) throws IOException {
        logKey = log.fileKey();
        Saved saved = readFile(opened.size());
        if (saved != null) {
            summary = saved.summary();
            covered = saved.logBytes();
            return;
        }
        // missing or not matching the log: rebuilt from the whole log, streamed, and kept for next time
        summary = new HistorySummary();
        covered = EpisodeLogReader.stream(opened, 0, unreported -> { }, this::apply);
        try {
            // without the lock (an update holding it may be waiting for this object): any summary of a whole
            // prefix of the log is valid, and the checksum tells a reader which prefix it is
            write(summary, covered, false);
        } catch (NoSuchFileException e) {
            // an update under the lock removed our temporary file as a crash's leftover: it wrote its own summary
        } catch (IOException e) {
            warnings.accept("could not write " + files.summaryFile.getFileName() + " (" + e.getMessage()
                    + "); the history is rebuilt from the log until it can be written");
        }
    }

    /** The saved summary if it is readable and matches the log, else null (reported when it was damaged). */
    private Saved readFile(long logSize) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(files.summaryFile);
        } catch (NoSuchFileException e) {
            return null;
        }
        Saved saved;
        try {
            saved = PolicyJson.MAPPER.readValue(bytes, Saved.class);
        } catch (IOException e) {
            warnings.accept(files.summaryFile.getFileName() + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); rebuilding it from " + files.episodeLog.getFileName());
            return null;
        }
        if (saved == null || !FORMAT.equals(saved.format()) || saved.version() != VERSION || saved.summary() == null
                || saved.logBytes() < 0 || saved.logBytes() > logSize || saved.checksum() != checksum(saved.logBytes())) {
            return null; // another version, or a summary of another log: silently rebuilt, the log is the record
        }
        return saved;
    }

    void write(HistorySummary written, long logBytes, boolean locked) throws IOException {
        byte[] json = PolicyJson.write(new Saved(FORMAT, VERSION, logBytes, checksum(logBytes), written), false);
        if (locked) {
            AtomicFiles.deleteLeftovers(files.summaryFile); // of writes a crash interrupted
        }
        AtomicFiles.writeSnapshot(files.summaryFile, json);
    }

    /**
     * A CRC-32 of up to {@value #CHECKED} logical bytes of the log before {@code end}, with their count (the
     * last segment's index keeps its last bytes, so a summary at a rotation's cut is checked without decompressing).
     */
    private long checksum(long end) throws IOException {
        int length = (int) Math.min(CHECKED, end);
        byte[] bytes;
        try (SegmentedLog log = SegmentedLog.open(files)) {
            if (!log.exists()) {
                return -1;
            }
            bytes = log.range(end - length, end);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue() << 16 | bytes.length;
    }
}
