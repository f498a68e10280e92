package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.Planner;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.util.Set;

/** A policy being evaluated: the chance it picks an action among the allowed ones in a state. */
@FunctionalInterface
public interface TargetPolicy {
    double probability(String state, ActionKind action, Set<ActionKind> allowed);

    /**
     * ε-greedy over a fixed table, as the Q-learning planner decides without learning in between:
     * 1 − ε + ε/n for the greedy action (the planner's order and tie-break), ε/n for each other allowed one.
     */
    static TargetPolicy epsilonGreedy(QTable table, LearningParameters parameters) {
        return (state, action, allowed) -> {
            if (!allowed.contains(action)) {
                return 0.0;
            }
            ActionKind greedy = QLearningPlanner.greedy(table, parameters, state, Planner.inCatalogueOrder(allowed));
            return (action == greedy ? 1 - parameters.epsilon() : 0) + parameters.epsilon() / allowed.size();
        };
    }
}
