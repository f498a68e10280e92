package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.List;
import java.util.Set;

/** Picks a healing action for a state among the actions the environment can perform. */
public interface Planner {
    /** {@code rl} or {@code random}. */
    String name();

    /**
     * @param allowed the unmasked actions; never empty
     * @throws IllegalArgumentException when nothing is allowed
     */
    Decision decide(String state, Set<ActionKind> allowed);

    static void requireSomethingAllowed(String state, Set<ActionKind> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no healing action is available for state " + state
                    + ": every action is masked by the environment");
        }
    }

    static List<ActionKind> inCatalogueOrder(Set<ActionKind> allowed) {
        return allowed.stream().sorted().toList();
    }
}
