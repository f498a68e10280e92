package io.jenkins.plugins.selfheal.engine.autonomy;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code act}: heal as configured. {@code shadow}: detect and choose, record what would have been
 * done, run no action and leave the build's result alone; a person says what the right action was.
 */
public enum HealMode {
    ACT, SHADOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the field for an unknown word */
    public static HealMode parse(String value) {
        return Arrays.stream(values()).filter(m -> m.id().equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("mode: expected act or shadow, got '" + value + "'"));
    }

    @Override
    public String toString() {
        return id();
    }
}
