package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/** Q-tables of a given number of states: the simulator's reachable states first, then made-up ones. */
final class Tables {
    private Tables() {
    }

    static QTable filled(int states, Random random) {
        QTable table = new QTable();
        Optional<Instant> updated = Optional.of(Instant.parse("2025-01-01T00:00:00Z"));
        for (int i = 0; i < states; i++) {
            String state = i < SimulatedEnvironment.SCENARIOS.size() ? SimulatedEnvironment.SCENARIOS.get(i).state()
                    : "synthetic_failure_" + i + (i % 2 == 0 ? "_UP" : "_DOWN");
            for (ActionKind action : ActionKind.values()) {
                table.put(state, action, new QEntry(random.nextDouble() * 4 - 1, 1 + random.nextInt(50), updated));
            }
        }
        return table;
    }
}
