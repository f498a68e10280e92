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
 * deployment changed. Taking one is cheap: the byte length and a CRC-32 of the first and the last
 * {@value #TAIL_BYTES} bytes (fewer, for a smaller file); the rest of the file is not read.
 *
 * <p>The rule ({@link #rowsStartOffset(Path)}): if the file now is at least as long and those head
 * and tail bytes are unchanged, the deployment appended, and the changed rows start where the old
 * file ended. If the old file did not end with a line break, the line break that now follows it is
 * skipped; if its last line was continued instead, that whole line counts as changed. Otherwise
 * (shorter, rewritten, head or tail changed, or no baseline) the whole file is judged. An edit only
 * between the first and the last {@value #TAIL_BYTES} bytes of the old content is not noticed.
 *
 * @param length   the file's byte length then; 0 for {@link #none()} (or a file that was empty)
 * @param checksum the CRC-32 of the bytes {@code [0, min(length, TAIL_BYTES))} followed by those of
 *                 {@code [length - min(length, TAIL_BYTES), length)}
 */
public record DatasetBaseline(long length, long checksum) implements Serializable {
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
            return new DatasetBaseline(length, crc(readHead(channel, length), readTail(channel, length)));
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
            if (crc(readHead(channel, length), tail) != checksum) {
                return 0; // rewritten, or edited at its start or end: the old offsets mean nothing now
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

    private static byte[] readHead(FileChannel channel, long end) throws IOException {
        return read(channel, 0, (int) Math.min(end, TAIL_BYTES));
    }

    private static byte[] readTail(FileChannel channel, long end) throws IOException {
        int size = (int) Math.min(end, TAIL_BYTES);
        return read(channel, end - size, size);
    }

    private static byte[] read(FileChannel channel, long position, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
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

    private static long crc(byte[] head, byte[] tail) {
        CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(tail);
        return crc.getValue();
    }
}
