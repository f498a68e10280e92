package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A planner's choice with its explanation: the Q-values of every action at the time, which actions
 * were allowed, whether it explored or exploited, and ε.
 */
public record Decision(String planner, String state, ActionKind action, Choice choice, double epsilon,
                       Map<ActionKind, Double> qValues, Set<ActionKind> allowed) {
    public Decision {
        Objects.requireNonNull(planner, "planner");
        StateNames.requireValid(state);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(choice, "choice");
        EnumMap<ActionKind, Double> copy = new EnumMap<>(ActionKind.class);
        copy.putAll(qValues);
        qValues = Collections.unmodifiableMap(copy);
        allowed = Set.copyOf(allowed);
        if (!allowed.contains(action)) {
            throw new IllegalArgumentException("decision for a masked action " + action);
        }
    }

    /** One line for a build log or terminal, e.g. {@code exploit (ε=0.1): retry_deployment; Q: retry_deployment=0.30, …}. */
    public String explanation() {
        String values = qValues.entrySet().stream()
                .map(e -> e.getKey().id() + "=" + String.format(Locale.ROOT, "%.3f", e.getValue())
                        + (allowed.contains(e.getKey()) ? "" : " (masked)"))
                .collect(Collectors.joining(", "));
        String how = switch (choice) {
            case EXPLOIT -> "exploit: highest Q-value";
            case EXPLORE -> "explore: random allowed action";
            case UNTRIED -> "training: first untried action";
            case RANDOM -> "random planner";
        };
        return how + " (planner " + planner + ", ε=" + String.format(Locale.ROOT, "%.2f", epsilon)
                + ") → " + action.id() + "; Q-values: " + values;
    }
}
