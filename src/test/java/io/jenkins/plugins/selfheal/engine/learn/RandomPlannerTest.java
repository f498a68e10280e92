package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ESCALATE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomPlannerTest {
    private static final String S = "latency_issue_UP";

    @Test
    void uniformOverTheAllowedActionsOnly() {
        QTable table = new QTable();
        table.put(S, ESCALATE, new QEntry(100, 1, Optional.empty()));
        RandomPlanner planner = new RandomPlanner(table, new Random(2024));
        Set<ActionKind> allowed = EnumSet.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, ADJUST_THRESHOLDS);
        int draws = 30_000;
        Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
        for (int i = 0; i < draws; i++) {
            Decision d = planner.decide(S, allowed);
            assertThat(d.choice()).isEqualTo(Choice.RANDOM);
            counts.merge(d.action(), 1, Integer::sum);
        }

        assertThat(counts.keySet()).isEqualTo(allowed);
        double expected = draws / 3.0;
        double chiSquare = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertThat(chiSquare).as("chi-square with 2 degrees of freedom, counts %s", counts).isLessThan(13.8);
    }

    @Test
    void decisionShowsTheTableValuesAndEpsilonOne() {
        QTable table = new QTable();
        table.put(S, ADJUST_THRESHOLDS, new QEntry(0.75, 1, Optional.empty()));
        Decision d = new RandomPlanner(table, new Random(1)).decide(S, EnumSet.of(ADJUST_THRESHOLDS));

        assertThat(d.planner()).isEqualTo("random");
        assertThat(d.action()).isEqualTo(ADJUST_THRESHOLDS);
        assertThat(d.epsilon()).isEqualTo(1.0);
        assertThat(d.qValues()).containsEntry(ADJUST_THRESHOLDS, 0.75).hasSize(ActionKind.values().length);
        assertThat(d.explanation()).contains("random planner", "adjust_thresholds=0.750");
    }

    @Test
    void emptyAllowedSetIsRejectedWithAClearMessage() {
        RandomPlanner planner = new RandomPlanner(new QTable(), new Random(1));
        assertThatThrownBy(() -> planner.decide(S, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no healing action is available for state " + S
                        + ": every action is masked by the environment");
    }

    @Test
    void aDecisionForAMaskedActionCannotBeBuilt() {
        assertThatThrownBy(() -> new Decision("rl", S, ESCALATE, Choice.EXPLOIT, 0, Map.of(), Set.of(RETRY_DEPLOYMENT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masked");
    }
}
