package io.jenkins.plugins.selfheal.engine.detect;

import java.io.Serializable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * What a data set looked like before a deployment changed it, so a check judges only the rows the
 * deployment changed. Taking one is cheap: the byte length and a CRC-32 of the last
 * {@value #TAIL_BYTES} bytes (or fewer, for a smaller file); the rest of the file is not read.
 *
 * <p>The rule ({@link #rowsStartOffset(Path)}): if the file now is at least as long and those tail
 * bytes are unchanged, the deployment appended, and the changed rows start where the old file ended.
 * If the old file did not end with a line break, the line break that now follows it is skipped;
 * if its last line was continued instead, that whole line counts as changed. Otherwise (shorter,
 * tail changed, or no baseline) the whole file is judged. An edit further than {@value #TAIL_BYTES}
 * bytes before the old end, with the tail left intact, is not noticed.
 *
 * @param length       the file's byte length then; 0 for {@link #none()} (or a file that was empty)
 * @param tailChecksum the CRC-32 of the bytes {@code [length - min(length, TAIL_BYTES), length)}
 */
public record DatasetBaseline(long length, long tailChecksum) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many bytes before the old end are compared. */
    public static final int TAIL_BYTES = 64 * 1024;

    public DatasetBaseline {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
    }

    /** No baseline: the whole file is judged. */
    public static DatasetBaseline none() {
        return new DatasetBaseline(0, 0);
    }

    /** The file as it is now; a file that does not exist yet gives {@link #none()} (all its rows will be new). */
    public static DatasetBaseline of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            return new DatasetBaseline(length, crc(readTail(channel, length)));
        } catch (NoSuchFileException e) {
            return none();
        }
    }

    public boolean isNone() {
        return length == 0;
    }

    /**
     * The byte offset where the rows this deployment changed start in {@code fileNow}: a line start
     * after the old content, equal to the file's length when nothing was added, or 0 when the whole
     * file must be judged (see the class comment for the rule).
     */
    public long rowsStartOffset(Path fileNow) throws IOException {
        if (isNone()) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(fileNow, StandardOpenOption.READ)) {
            long sizeNow = channel.size();
            if (sizeNow < length) {
                return 0;
            }
            byte[] tail = readTail(channel, length);
            if (crc(tail) != tailChecksum) {
                return 0;
            }
            return startAfterOldEnd(channel, sizeNow, tail);
        }
    }

    private long startAfterOldEnd(FileChannel channel, long sizeNow, byte[] tail) throws IOException {
        byte last = tail[tail.length - 1];
        byte next = sizeNow > length ? byteAt(channel, length) : 0;
        if (last == '\n') {
            return length;
        }
        if (last == '\r') {
            return next == '\n' ? length + 1 : length; // a CRLF split by the old end
        }
        if (sizeNow == length) {
            return length;
        }
        if (next == '\n') {
            return length + 1;
        }
        if (next == '\r') {
            return sizeNow > length + 1 && byteAt(channel, length + 1) == '\n' ? length + 2 : length + 1;
        }
        // The old last line was continued: judge it again from its start, if the tail shows it.
        for (int i = tail.length - 1; i >= 0; i--) {
            if (tail[i] == '\n' || tail[i] == '\r') {
                return length - tail.length + i + 1;
            }
        }
        return 0;
    }

    private static byte[] readTail(FileChannel channel, long end) throws IOException {
        int size = (int) Math.min(end, TAIL_BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        long position = end - size;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new EOFException("file shrank while reading it");
            }
        }
        return buffer.array();
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, position) == 1 ? one.get(0) : 0;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
