package io.jenkins.plugins.selfheal.engine.detect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The data set cannot be judged because the file itself is wrong: missing or unreadable, empty,
 * a header that is not the rule set's, a record with too few or too many columns, a number column
 * holding text, or broken quoting. Unlike an anomaly (a {@link Finding}), this is an error to fix.
 *
 * <p>The message reads {@code data/scores.csv:12: column 'score': 'abc' is not a number}; the
 * line part is left out when the error is about the whole file ({@link #line()} is 0) and the
 * column part when it is not about one column ({@link #column()} is null).
 * Unchecked so detectors can sit behind small interfaces; callers that report to a person should
 * catch it.
 */
public final class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;

    public DatasetFormatException(Path file, long line, String column, String detail, Throwable cause) {
        super(format(file, line, column, detail), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
    }

    public DatasetFormatException(Path file, long line, String column, String detail) {
        this(file, line, column, detail, null);
    }

    /** The data set file as it was given to the detector. */
    public Path file() {
        return file;
    }

    /** The 1-based physical line the error is on, or 0 when it is about the whole file. */
    public long line() {
        return line;
    }

    /** The column the error is about, or null when it is not about one column. */
    public String column() {
        return column;
    }

    private static String format(Path file, long line, String column, String detail) {
        StringBuilder message = new StringBuilder().append(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (column != null) {
            message.append("column '").append(column).append("': ");
        }
        return message.append(detail).toString();
    }
}
