package io.jenkins.plugins.selfheal.engine.store;

/** A policy document or import that cannot be read; the message names the source and the field. */
public class PolicyFormatException extends RuntimeException {
    private final String source;
    private final String field;

    public PolicyFormatException(String source, String field, String problem) {
        super(oneLine(source + ": " + (field == null ? "" : field + ": ") + problem));
        this.source = source;
        this.field = field;
    }

    public PolicyFormatException(String source, String problem, Throwable cause) {
        super(oneLine(source + ": " + problem), cause);
        this.source = source;
        this.field = null;
    }

    /** Quoted input may hold line breaks and control characters: shown as {@code \n} and {@code ?}, one line. */
    private static String oneLine(String message) {
        return message.replace("\r\n", "\\n").replaceAll("[\r\n]", "\\\\n").replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
    }

    public String source() {
        return source;
    }

    /** The JSON path or column of the problem, or null when the whole document is unreadable. */
    public String field() {
        return field;
    }
}
