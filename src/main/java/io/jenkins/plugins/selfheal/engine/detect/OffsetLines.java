package io.jenkins.plugins.selfheal.engine.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
