package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * State names compatible with the original simulation: {@code <failure>_<UP|DOWN>}, e.g.
 * {@code deployment_failure_DOWN}. Any other non-blank name of printable characters is accepted
 * (imported tables), since the view escapes everything it shows.
 */
public final class StateNames {
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    private StateNames() {
    }

    public static String of(String failure, UptimeStatus status) {
        return requireValid(failure + "_" + status.name());
    }

    public static String requireValid(String state) {
        if (state == null || state.isBlank() || !PRINTABLE.matcher(state).matches()) {
            throw new IllegalArgumentException("invalid state name '" + state
                    + "': 1 to 200 printable characters expected");
        }
        return state;
    }

    /**
     * The same failure with the other uptime status: {@code deployment_failure_UP} ↔
     * {@code deployment_failure_DOWN}; empty for a name without an {@code _UP} / {@code _DOWN} suffix.
     */
    public static Optional<String> sibling(String state) {
        for (UptimeStatus status : new UptimeStatus[] {UptimeStatus.UP, UptimeStatus.DOWN}) {
            String suffix = "_" + status.name();
            if (state.endsWith(suffix) && state.length() > suffix.length()) {
                String other = status == UptimeStatus.UP ? UptimeStatus.DOWN.name() : UptimeStatus.UP.name();
                return Optional.of(state.substring(0, state.length() - suffix.length()) + "_" + other);
            }
        }
        return Optional.empty();
    }
}
