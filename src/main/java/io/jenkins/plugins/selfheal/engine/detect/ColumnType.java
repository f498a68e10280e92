package io.jenkins.plugins.selfheal.engine.detect;

import java.util.Locale;

/** What a column holds: free text, or a decimal number such as {@code 42}, {@code -1.5} or {@code 2e3}. */
public enum ColumnType {
    TEXT,
    NUMBER;

    /** The name used in JSON rule sets and messages: {@code text} or {@code number}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
