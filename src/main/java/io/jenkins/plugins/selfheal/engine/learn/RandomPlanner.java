package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.List;
import java.util.Random;
import java.util.Set;

/** Uniform choice over the allowed actions. Shows the Q-values too, so its decisions explain alike. */
public final class RandomPlanner implements Planner {
    private final Random random;
    private final QTable table;

    public RandomPlanner(QTable table, Random random) {
        this.table = table;
        this.random = random;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Decision decide(String state, Set<ActionKind> allowed) {
        Planner.requireSomethingAllowed(state, allowed);
        List<ActionKind> ordered = Planner.inCatalogueOrder(allowed);
        ActionKind action = ordered.get(random.nextInt(ordered.size()));
        return new Decision(name(), state, action, Choice.RANDOM, 1.0, table.values(state), allowed, "",
                java.util.OptionalDouble.of(1.0 / allowed.size()));
    }
}
