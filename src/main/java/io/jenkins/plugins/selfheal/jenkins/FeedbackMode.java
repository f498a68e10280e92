package io.jenkins.plugins.selfheal.jenkins;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a build takes a reviewer's verdict (the {@code feedback} parameter). */
public enum FeedbackMode {
    /** The step pauses until someone decides (or the timeout). */
    WAIT,
    /** The build goes on; decide any time on the build page. */
    ASYNC,
    /** Nobody is asked: learn from the outcome alone. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code wait}, {@code async} or {@code none}, any case; blank means {@code fallback}. */
    public static FeedbackMode parse(String text, FeedbackMode fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return find(text).orElseThrow(() -> new IllegalArgumentException(
                "feedback: expected 'wait', 'async' or 'none', got '" + text.strip().toLowerCase(Locale.ROOT) + "'"));
    }

    /** The mode {@code text} names, any case; empty when it names none. */
    public static Optional<FeedbackMode> find(String text) {
        String id = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
