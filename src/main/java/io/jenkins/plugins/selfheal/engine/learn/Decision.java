package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A planner's choice with its explanation: the Q-values of every action at the time, which actions
 * were allowed, whether it explored or exploited, ε, and how the planner breaks a tie of Q-values
 * ({@code tieBreak}, e.g. "fewest tries in this state, then the catalogue order"; empty when unknown).
 * {@code probability} is the chance the planner's random choice had of picking this action (ε-greedy:
 * 1 − ε + ε/|allowed| for the greedy action, ε/|allowed| for another), what an off-policy estimate
 * needs; empty for decisions recorded before it was kept. {@code shared} says which related states the
 * chosen action's value came from when they contributed to it ({@link Evidence}); not kept in the log.
 */
public record Decision(String planner, String state, ActionKind action, Choice choice, double epsilon,
                       Map<ActionKind, Double> qValues, Set<ActionKind> allowed, String tieBreak,
                       OptionalDouble probability, Optional<SharedValue> shared) {
    /** A decision whose action's value is the state's own (or not known to be shared: one read from the log). */
    public Decision(String planner, String state, ActionKind action, Choice choice, double epsilon,
                    Map<ActionKind, Double> qValues, Set<ActionKind> allowed, String tieBreak, OptionalDouble probability) {
        this(planner, state, action, choice, epsilon, qValues, allowed, tieBreak, probability, Optional.empty());
    }

    /** A decision whose planner does not say how it breaks ties. */
    public Decision(String planner, String state, ActionKind action, Choice choice, double epsilon,
                    Map<ActionKind, Double> qValues, Set<ActionKind> allowed) {
        this(planner, state, action, choice, epsilon, qValues, allowed, "", OptionalDouble.empty());
    }

    /** A decision without the probability of its action. */
    public Decision(String planner, String state, ActionKind action, Choice choice, double epsilon,
                    Map<ActionKind, Double> qValues, Set<ActionKind> allowed, String tieBreak) {
        this(planner, state, action, choice, epsilon, qValues, allowed, tieBreak, OptionalDouble.empty());
    }

    public Decision {
        tieBreak = tieBreak == null ? "" : tieBreak;
        probability = probability == null ? OptionalDouble.empty() : probability;
        shared = shared == null ? Optional.empty() : shared;
        if (probability.isPresent() && !(probability.getAsDouble() > 0 && probability.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], was " + probability.getAsDouble());
        }
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

    /**
     * One line for a build log or terminal, e.g. {@code exploit: highest Q-value (planner rl, ε=0.10) → retry_deployment
     * (valued from deployment_failure_DOWN, where it was learned from 2 tries; untried here); Q-values: …}.
     */
    public String explanation() {
        String values = qValues.entrySet().stream()
                .map(e -> e.getKey().id() + "=" + String.format(Locale.ROOT, "%.3f", e.getValue())
                        + (allowed.contains(e.getKey()) ? "" : " (masked)"))
                .collect(Collectors.joining(", "));
        String how = switch (choice) {
            case EXPLOIT -> exploited();
            case EXPLORE -> "explore: random allowed action";
            case UNTRIED -> "training: first untried action";
            case RANDOM -> "random planner";
        };
        return how + " (planner " + planner + ", ε=" + String.format(Locale.ROOT, "%.2f", epsilon)
                + ") → " + action.id() + shared.map(s -> " (" + s.describe() + ")").orElse("") + "; Q-values: " + values;
    }

    /** "highest Q-value", or, when several allowed actions share it, that it was a tie and how it was broken. */
    private String exploited() {
        double best = allowed.stream().mapToDouble(a -> qValues.getOrDefault(a, 0.0)).max().orElse(0);
        java.util.List<String> tied = qValues.keySet().stream()
                .filter(a -> allowed.contains(a) && qValues.get(a) == best).map(ActionKind::id).toList();
        if (tied.size() < 2) {
            return "exploit: highest Q-value";
        }
        return "exploit: " + tied.size() + " actions tie at the highest Q-value " + String.format(Locale.ROOT, "%.3f", best)
                + " (" + String.join(", ", tied) + "), broken by " + (tieBreak.isEmpty() ? "the planner's order" : tieBreak);
    }
}
