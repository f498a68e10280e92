package io.jenkins.plugins.selfheal.engine.detect.scan;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Opening a data set part-way through, and counting the lines skipped, without reading it all into memory. */
final class CsvFiles {
    private static final int BUFFER_BYTES = 64 * 1024;
    /**
     * The most characters one record may take (plus the parser's 8 KiB look-ahead): beyond, the parser
     * would build a String of the whole record, so a 100 MB line or an unclosed quote stops the scan.
     */
    static final int MAX_RECORD_CHARS = 1 << 20;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // Empty lines are kept as records so the parser's line count always points at the next record.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvFiles() {
    }

    /**
     * A streaming CSV parser over the file's bytes from {@code offset} on (UTF-8, a leading byte order
     * mark skipped); the bytes before are never read. Reading fails with {@link RecordTooLong} once a
     * record outgrows {@code budget}, which the caller renews after each record.
     */
    static CSVParser parserAt(Path file, long offset, RecordBudget budget) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset == 0 && startsWithBom(channel) ? UTF8_BOM.length : offset);
            Reader reader = new BudgetReader(new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), BUFFER_BYTES), budget);
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static boolean startsWithBom(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(UTF8_BOM.length);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // a short read: try again
        }
        return Arrays.equals(head.array(), UTF8_BOM);
    }

    /** How many characters the current record has read so far; renewed by the scan after each record. */
    static final class RecordBudget {
        private long used;

        void renew() {
            used = 0;
        }
    }

    /** A record outgrew {@link #MAX_RECORD_CHARS}. */
    static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLong() {
            super("a record longer than " + MAX_RECORD_CHARS + " characters starts on this line:"
                    + " is a quote left open, or is it not a CSV file?");
        }
    }

    private static final class BudgetReader extends FilterReader {
        private final RecordBudget budget;

        BudgetReader(Reader in, RecordBudget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read(char[] chars, int offset, int length) throws IOException {
            int read = in.read(chars, offset, length);
            budget.used += Math.max(read, 0);
            if (budget.used > MAX_RECORD_CHARS) {
                throw new RecordTooLong();
            }
            return read;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
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
