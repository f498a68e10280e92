package io.jenkins.plugins.selfheal.engine.detect;

import java.nio.file.Path;

/**
 * A custom rule set file that cannot be used: missing, not JSON, an unknown field, a value of the
 * wrong type, or rules that contradict each other. The message names the file and the field, e.g.
 * {@code rules/orders.json:4: field 'columns[1].min': expected a number}.
 */
public final class InvalidRuleSetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    public InvalidRuleSetException(Path file, long line, String field, String detail, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "field '" + field + "': ") + detail,
                cause);
        this.file = file;
        this.field = field;
    }

    /** The rule set file. */
    public Path file() {
        return file;
    }

    /** The JSON field at fault, as a path like {@code columns[1].min}, or null when it is the whole file. */
    public String field() {
        return field;
    }
}
