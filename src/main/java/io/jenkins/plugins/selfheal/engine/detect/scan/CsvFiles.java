package io.jenkins.plugins.selfheal.engine.detect.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Opening a data set part-way through, and counting the lines skipped, without reading it all into memory. */
final class CsvFiles {
    private static final int BUFFER_BYTES = 64 * 1024;

    // Empty lines are kept as records so the parser's line count always points at the next record.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvFiles() {
    }

    /** A streaming CSV parser over the file's bytes from {@code offset} on (UTF-8); the bytes before are never read. */
    static CSVParser parserAt(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            Reader reader = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), BUFFER_BYTES);
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * How many lines end before {@code end}: LF, CRLF and a lone CR each end one, as in Commons CSV.
     * A plain byte loop, run only when a message must name a line after a baseline offset.
     */
    static long countLineBreaks(Path file, long end) throws IOException {
        long breaks = 0;
        boolean afterCr = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            long position = 0;
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    byte b = bytes[i];
                    if (b == '\n') {
                        if (!afterCr) {
                            breaks++;
                        }
                    } else if (b == '\r') {
                        breaks++;
                    }
                    afterCr = b == '\r';
                }
                position += read;
            }
        }
        return breaks;
    }
}
