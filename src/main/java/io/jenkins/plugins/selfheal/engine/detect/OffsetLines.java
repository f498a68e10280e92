package io.jenkins.plugins.selfheal.engine.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One pass over the rows after {@code offset}: hands out records with the line they start on, and
 * turns lines counted from the offset into file lines, counting the lines before it at most once.
 */
final class RowsPass {
    final Path file;
    final long offset;
    final CSVParser parser;
    /** The line the last record from {@link #next()} starts on, counted from the offset (1-based). */
    long recordLine;

    private final Iterator<CSVRecord> records;
    private long linesBeforeOffset = -1;

    RowsPass(Path file, long offset, CSVParser parser) {
        this.file = file;
        this.offset = offset;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** The next record, or null at the end; broken quoting becomes a {@link DatasetFormatException}. */
    CSVRecord next() {
        // The parser has counted the line breaks before the record it is about to read.
        recordLine = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetFormatException(file, fileLine(recordLine), null, parseProblem(e), e);
        }
    }

    /** A line counted from the offset as a line of the file. */
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

    /** Commons CSV's quoting error without its own line and position, which count from the offset. */
    static String parseProblem(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (e instanceof UncheckedIOException && !(cause instanceof CSVException)) {
            return "cannot read the file: " + cause;
        }
        String message = String.valueOf(cause.getMessage())
                .replaceAll("\\(startline \\d+\\)\\s*", "")
                .replaceAll("\\s*at line: \\d+, position: \\d+", "");
        return "bad quoting: " + message;
    }
}
