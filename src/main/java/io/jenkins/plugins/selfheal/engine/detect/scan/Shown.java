package io.jenkins.plugins.selfheal.engine.detect.scan;

/**
 * A value from the data set as a message quotes it: on one line (a quoted field may hold line breaks,
 * which would split a build log's message) and short (a field may be a megabyte long).
 */
final class Shown {
    static final int MAX_CHARS = 80;

    private Shown() {
    }

    static String value(String text) {
        StringBuilder shown = new StringBuilder();
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7F) {
                        shown.append(String.format("\\u%04x", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        return end < text.length() ? shown.append("… (").append(text.length()).append(" characters)").toString()
                : shown.toString();
    }
}
