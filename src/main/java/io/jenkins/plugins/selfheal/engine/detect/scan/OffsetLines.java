package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVException;

/**
 * Turns lines counted from a byte offset into lines of the file, counting the lines before the
 * offset at most once and only when a message must name a line (a clean check never reads the old
 * content). Shared by every {@link RowsScan}, so both name the same line for the same row.
 */
final class OffsetLines {
    final Path file;
    final long offset;

    private long linesBeforeOffset = -1;

    OffsetLines(Path file, long offset) {
        this.file = file;
        this.offset = offset;
    }

    /** A line counted from the offset (1-based) as a line of the file. */
    long fileLine(long lineFromOffset) {
        if (linesBeforeOffset < 0) {
            try {
                linesBeforeOffset = offset == 0 ? 0 : CsvFiles.countLineBreaks(file, offset);
            } catch (IOException e) {
                throw new DatasetFormatException(file, 0, null, "cannot read the file: " + e, e);
            }
        }
        return linesBeforeOffset + lineFromOffset;
    }

    DatasetFormatException error(long lineFromOffset, String column, String detail) {
        return new DatasetFormatException(file, fileLine(lineFromOffset), column, detail);
    }

    /**
     * The column whose quoting is broken in the record starting on {@code fileLine}: the first quoted
     * field of that line that is not closed on it, or whose closing quote is not followed by a
     * delimiter. Its header name, {@code "column N"} past the header, or null when the line shows none.
     * Read only on the error path.
     */
    String brokenQuoteColumn(long fileLine, List<String> header) {
        String text;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            text = boundedLine(reader, fileLine);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        if (text == null) {
            return null;
        }
        int field = 0;
        int i = 0;
        while (i <= text.length()) {
            if (i < text.length() && text.charAt(i) == '"') {
                int close = closingQuote(text, i + 1);
                if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ',')) {
                    return field < header.size() ? header.get(field) : "column " + (field + 1);
                }
                i = close + 1;
            } else {
                int comma = text.indexOf(',', i);
                i = comma < 0 ? text.length() : comma;
            }
            if (i >= text.length()) {
                return null;
            }
            i++; // past the delimiter
            field++;
        }
        return null;
    }

    /**
     * Line {@code number} (LF, CRLF or a lone CR end one), at most {@link CsvFiles#MAX_RECORD_CHARS}
     * of it, or null past the end: a line with broken quoting may be huge, and is never read whole.
     */
    private static String boundedLine(BufferedReader reader, long number) throws IOException {
        long line = 1;
        int c = reader.read();
        while (line < number && c >= 0) {
            if (c == '\n' || c == '\r') {
                line++;
                if (c == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
            }
            c = reader.read();
        }
        if (c < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        while (c >= 0 && c != '\n' && c != '\r' && text.length() < CsvFiles.MAX_RECORD_CHARS) {
            text.append((char) c);
            c = reader.read();
        }
        return text.toString();
    }

    /** The index of the quote closing a field whose content starts at {@code from} ({@code ""} is an escaped quote), or -1. */
    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Commons CSV's quoting error without its own line and position, which count from the offset. */
    static String parseProblem(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CsvFiles.RecordTooLong) {
            return cause.getMessage();
        }
        if (e instanceof UncheckedIOException && !(cause instanceof CSVException)) {
            return "cannot read the file: " + cause;
        }
        String message = String.valueOf(cause.getMessage())
                .replaceAll("\\(startline \\d+\\)\\s*", "")
                .replaceAll("\\s*at line: \\d+, position: \\d+", "");
        return "bad quoting: " + message;
    }
}
