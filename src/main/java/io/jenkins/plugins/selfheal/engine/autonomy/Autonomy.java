package io.jenkins.plugins.selfheal.engine.autonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a heal may go on without a person's verdict: {@code ask} (as before: every heal asks, the
 * build waits when feedback is {@code wait}), {@code confident} (acts alone when the state's
 * confidence reaches the threshold, asks otherwise), {@code auto} (never asks; the verdict can still
 * be given on the build page).
 */
public enum Autonomy {
    ASK, CONFIDENT, AUTO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the field for an unknown word */
    public static Autonomy parse(String value) {
        return Arrays.stream(values()).filter(a -> a.id().equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("autonomy: expected "
                        + Arrays.stream(values()).map(Autonomy::id).collect(Collectors.joining(", ")) + ", got '" + value + "'"));
    }

    @Override
    public String toString() {
        return id();
    }
}
