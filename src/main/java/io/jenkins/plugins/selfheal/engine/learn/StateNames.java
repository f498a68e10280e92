package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

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
}
