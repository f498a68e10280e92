package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Epsilon-greedy over the Q-table. With probability ε it explores (uniform over {@link #explorable}: the
 * allowed actions, or for the evidence learner the remedies still unknown for the failure while there are
 * any); otherwise it exploits: the highest Q-value, ties broken by {@link LearningParameters.TieBreak}
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
            List<ActionKind> candidates = explorable(table, parameters, state, ordered);
            action = candidates.get(random.nextInt(candidates.size()));
            choice = Choice.EXPLORE;
            probability = probability(table, parameters, state, action, allowed);
        } else {
            action = greedy;
            choice = Choice.EXPLOIT;
            probability = probability(table, parameters, state, action, allowed);
        }
        return new Decision(name(), state, action, choice, parameters.epsilon(),
                values, allowed, switch (parameters.tieBreak()) {
                    case LEAST_VISITED -> "fewest tries in this state, then the catalogue order";
                    case FIRST_ACTION -> "the catalogue order";
                }, java.util.OptionalDouble.of(probability), Evidence.sharedFrom(table, parameters, state, action));
    }

    /**
     * The chance the planner's random choice picks {@code action} (when not training): 1 − ε for the
     * greedy action, plus ε over {@link #explorable} for each action in it.
     */
    public static double probability(QTable table, LearningParameters parameters, String state, ActionKind action,
                                     Set<ActionKind> allowed) {
        if (!allowed.contains(action)) {
            return 0.0;
        }
        List<ActionKind> ordered = Planner.inCatalogueOrder(allowed);
        List<ActionKind> candidates = explorable(table, parameters, state, ordered);
        return (action == greedy(table, parameters, state, ordered) ? 1 - parameters.epsilon() : 0)
                + (candidates.contains(action) ? parameters.epsilon() / candidates.size() : 0);
    }

    /**
     * What an exploring choice picks from. The classic learner: every allowed action. The evidence learner:
     * the allowed remedies nothing was learned about yet for this failure (no update in the state or its
     * related states, see {@link Evidence}), so a rare failure's few episodes try what is unknown rather than
     * repeat what was rejected; once every remedy has been judged, every allowed action again, so a system
     * that changes is still noticed.
     */
    static List<ActionKind> explorable(QTable table, LearningParameters parameters, String state, List<ActionKind> ordered) {
        if (parameters.learner() == LearningParameters.Learner.CLASSIC) {
            return ordered;
        }
        List<ActionKind> unknown = ordered.stream().filter(a -> a != ActionKind.ESCALATE
                && table.entryOrInitial(state, a, parameters.initialValues()).visits() == 0
                && Evidence.sharedFrom(table, parameters, state, a).isEmpty()).toList();
        return unknown.isEmpty() ? ordered : unknown;
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
