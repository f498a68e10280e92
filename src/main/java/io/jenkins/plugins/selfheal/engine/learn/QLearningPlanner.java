package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Epsilon-greedy over the Q-table. With probability ε it explores (uniform over the allowed
 * actions); otherwise it exploits: the highest Q-value, ties broken by {@link LearningParameters.TieBreak}
 * (default: fewest visits, then catalogue order), so a run is reproducible from its seed.
 * In training mode an allowed action never tried in this state is taken first (the original {@code --train}).
 * A state seen for the first time is added with {@link LearningParameters#initialValues()} (its cells
 * unvisited), and {@link #greedy} ranks an unknown state by that same initial row, so the greedy policy
 * of a state never seen is the action its first decision would exploit.
 */
public final class QLearningPlanner implements Planner {
    private final QTable table;
    private final LearningParameters parameters;
    private final Random random;
    private final boolean training;

    public QLearningPlanner(QTable table, LearningParameters parameters, Random random, boolean training) {
        this.table = table;
        this.parameters = parameters;
        this.random = random;
        this.training = training;
    }

    @Override
    public String name() {
        return "rl";
    }

    @Override
    public Decision decide(String state, Set<ActionKind> allowed) {
        Planner.requireSomethingAllowed(state, allowed);
        table.ensureState(state, parameters.initialValues());
        List<ActionKind> ordered = Planner.inCatalogueOrder(allowed);
        ActionKind action;
        Choice choice;
        ActionKind greedy = greedy(state, ordered);
        double probability;
        Map<ActionKind, Double> values = Evidence.values(table, parameters, state);
        if (training && ordered.stream().anyMatch(a -> table.entry(state, a).visits() == 0)) {
            action = ordered.stream().filter(a -> table.entry(state, a).visits() == 0).findFirst().orElseThrow();
            choice = Choice.UNTRIED;
            probability = 1.0; // no random choice was made
        } else if (random.nextDouble() < parameters.epsilon()) {
            action = ordered.get(random.nextInt(ordered.size()));
            choice = Choice.EXPLORE;
            probability = probability(action == greedy, ordered.size());
        } else {
            action = greedy;
            choice = Choice.EXPLOIT;
            probability = probability(true, ordered.size());
        }
        return new Decision(name(), state, action, choice, parameters.epsilon(),
                values, allowed, switch (parameters.tieBreak()) {
                    case LEAST_VISITED -> "fewest tries in this state, then the catalogue order";
                    case FIRST_ACTION -> "the catalogue order";
                }, java.util.OptionalDouble.of(probability));
    }

    /** The ε-greedy chance of an action: ε/n for any, plus 1 − ε for the greedy one. */
    private double probability(boolean isGreedy, int allowed) {
        return (isGreedy ? 1 - parameters.epsilon() : 0) + parameters.epsilon() / allowed;
    }

    /** The best allowed action by the documented order: Q-value descending, then the tie-break. */
    public ActionKind greedy(String state, List<ActionKind> ordered) {
        return greedy(table, parameters, state, ordered);
    }

    /** The greedy choice without a planner (a view, a report): the same order, no random source. */
    public static ActionKind greedy(QTable table, LearningParameters parameters, String state, List<ActionKind> ordered) {
        LearningParameters.InitialValues initial = parameters.initialValues();
        Map<ActionKind, Double> values = Evidence.values(table, parameters, state);
        Comparator<ActionKind> byValue = Comparator.comparingDouble((ActionKind a) -> values.get(a)).reversed();
        Comparator<ActionKind> order = switch (parameters.tieBreak()) {
            case LEAST_VISITED -> byValue.thenComparingLong(a -> table.entryOrInitial(state, a, initial).visits())
                    .thenComparing(Comparator.naturalOrder());
            case FIRST_ACTION -> byValue.thenComparing(Comparator.naturalOrder());
        };
        return ordered.stream().min(order).orElseThrow();
    }
}
