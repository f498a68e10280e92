package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.util.Set;

/** A policy being evaluated: the chance it picks an action among the allowed ones in a state. */
@FunctionalInterface
public interface TargetPolicy {
    double probability(String state, ActionKind action, Set<ActionKind> allowed);

    /**
     * ε-greedy over a fixed table, as the Q-learning planner decides without learning in between:
     * 1 − ε for the greedy action (the planner's order and tie-break) plus ε shared by the actions it
     * explores ({@link QLearningPlanner#probability}).
     */
    static TargetPolicy epsilonGreedy(QTable table, LearningParameters parameters) {
        return (state, action, allowed) -> QLearningPlanner.probability(table, parameters, state, action, allowed);
    }
}
