package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters.TieBreak;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ESCALATE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTART_SERVICE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QLearningPlannerTest {
    private static final String S = "deployment_failure_DOWN";
    private static final Set<ActionKind> ALL = EnumSet.allOf(ActionKind.class);
    private static final Set<ActionKind> SEED_THREE = EnumSet.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, ADJUST_THRESHOLDS);

    private final QTable table = new QTable();

    private QLearningPlanner planner(double epsilon, TieBreak tieBreak, long seed, boolean training) {
        return new QLearningPlanner(table, new LearningParameters(0.1, epsilon, 0.9, tieBreak), new Random(seed), training);
    }

    private void set(ActionKind action, double q, long visits) {
        table.put(S, action, new QEntry(q, visits, Optional.empty()));
    }

    @Test
    void exploitPicksTheHighestQValue() {
        set(RETRY_DEPLOYMENT, 0.2, 5);
        set(ADJUST_THRESHOLDS, 0.9, 5);
        set(RESTORE_PREVIOUS_VERSION, -0.4, 5);

        Decision d = planner(0, TieBreak.LEAST_VISITED, 1, false).decide(S, SEED_THREE);

        assertThat(d.action()).isEqualTo(ADJUST_THRESHOLDS);
        assertThat(d.choice()).isEqualTo(Choice.EXPLOIT);
    }

    @Test
    void tiesGoToFewestVisitsThenCatalogueOrderWithLeastVisited() {
        set(RETRY_DEPLOYMENT, 0.5, 3);
        set(RESTORE_PREVIOUS_VERSION, 0.5, 1);
        set(ADJUST_THRESHOLDS, 0.5, 1);

        assertThat(planner(0, TieBreak.LEAST_VISITED, 1, false).decide(S, SEED_THREE).action())
                .isEqualTo(RESTORE_PREVIOUS_VERSION);
        set(RESTORE_PREVIOUS_VERSION, 0.5, 2);
        assertThat(planner(0, TieBreak.LEAST_VISITED, 1, false).decide(S, SEED_THREE).action())
                .isEqualTo(ADJUST_THRESHOLDS);
    }

    @Test
    void tiesGoToCatalogueOrderWithFirstAction() {
        set(RETRY_DEPLOYMENT, 0.5, 3);
        set(RESTORE_PREVIOUS_VERSION, 0.5, 1);
        set(ADJUST_THRESHOLDS, 0.5, 0);

        assertThat(planner(0, TieBreak.FIRST_ACTION, 1, false).decide(S, SEED_THREE).action()).isEqualTo(RETRY_DEPLOYMENT);
        assertThat(planner(0, TieBreak.FIRST_ACTION, 1, false).decide(S, EnumSet.of(ESCALATE, ADJUST_THRESHOLDS)).action())
                .isEqualTo(ADJUST_THRESHOLDS);
    }

    @Test
    void maskedActionsAreNeverChosenWhetherExploitingOrExploring() {
        set(RETRY_DEPLOYMENT, 10, 1);
        set(RESTORE_PREVIOUS_VERSION, 8, 1);
        Set<ActionKind> allowed = EnumSet.of(ADJUST_THRESHOLDS, RESTART_SERVICE);
        QLearningPlanner planner = planner(0.5, TieBreak.LEAST_VISITED, 11, false);

        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            decisions.add(planner.decide(S, allowed));
        }

        assertThat(decisions).extracting(Decision::action).allMatch(allowed::contains)
                .contains(ADJUST_THRESHOLDS, RESTART_SERVICE);
        assertThat(decisions).extracting(Decision::choice).contains(Choice.EXPLORE, Choice.EXPLOIT);
        assertThat(decisions).filteredOn(d -> d.choice() == Choice.EXPLOIT).extracting(Decision::action)
                .containsOnly(ADJUST_THRESHOLDS);
    }

    @Test
    void epsilonZeroNeverExploresAndEpsilonOneAlwaysExplores() {
        set(RESTART_SERVICE, 1.0, 1);
        QLearningPlanner greedy = planner(0, TieBreak.LEAST_VISITED, 3, false);
        QLearningPlanner explorer = planner(1, TieBreak.LEAST_VISITED, 3, false);
        List<Decision> exploits = new ArrayList<>();
        List<Decision> explores = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            exploits.add(greedy.decide(S, ALL));
            explores.add(explorer.decide(S, ALL));
        }

        assertThat(exploits).allSatisfy(d -> {
            assertThat(d.choice()).isEqualTo(Choice.EXPLOIT);
            assertThat(d.action()).isEqualTo(RESTART_SERVICE);
        });
        assertThat(explores).allMatch(d -> d.choice() == Choice.EXPLORE);
        // the evidence learner explores the remedies nothing is known about yet; the classic one every action
        assertThat(explores).extracting(Decision::action).containsOnly(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, ADJUST_THRESHOLDS);
        assertThat(explores).allSatisfy(d -> assertThat(d.probability().getAsDouble()).isCloseTo(1.0 / 3, within(1e-12)));
        QLearningPlanner classic = new QLearningPlanner(table, LearningParameters.SEED.withEpsilon(1), new Random(3), false);
        List<ActionKind> classicExplores = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            classicExplores.add(classic.decide(S, ALL).action());
        }
        assertThat(classicExplores).containsOnly(ActionKind.values());
    }

    @Test
    void explorationRateIsAboutEpsilon() {
        QLearningPlanner planner = planner(0.1, TieBreak.LEAST_VISITED, 99, false);
        int explored = 0;
        for (int i = 0; i < 10_000; i++) {
            explored += planner.decide(S, ALL).choice() == Choice.EXPLORE ? 1 : 0;
        }
        assertThat(explored).isBetween(850, 1150);
    }

    @Test
    void sameSeedGivesTheSameSequenceOfDecisions() {
        set(RETRY_DEPLOYMENT, 0.3, 2);
        List<String> first = sequence(42);
        List<String> again = sequence(42);
        List<String> other = sequence(43);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private List<String> sequence(long seed) {
        QLearningPlanner planner = planner(0.5, TieBreak.LEAST_VISITED, seed, false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Decision d = planner.decide(S, ALL);
            out.add(d.choice() + ":" + d.action());
        }
        return out;
    }

    @Test
    void trainingModePicksTheFirstUntriedAllowedActionBeforeExploiting() {
        set(RETRY_DEPLOYMENT, 5.0, 1);
        QLearningPlanner trainer = planner(0, TieBreak.LEAST_VISITED, 1, true);

        Decision first = trainer.decide(S, SEED_THREE);
        assertThat(first.choice()).isEqualTo(Choice.UNTRIED);
        assertThat(first.action()).isEqualTo(RESTORE_PREVIOUS_VERSION);

        set(RESTORE_PREVIOUS_VERSION, -1, 1);
        assertThat(trainer.decide(S, EnumSet.of(RETRY_DEPLOYMENT, ADJUST_THRESHOLDS)).action()).isEqualTo(ADJUST_THRESHOLDS);

        set(ADJUST_THRESHOLDS, -1, 1);
        Decision afterAllTried = trainer.decide(S, SEED_THREE);
        assertThat(afterAllTried.choice()).isEqualTo(Choice.EXPLOIT);
        assertThat(afterAllTried.action()).isEqualTo(RETRY_DEPLOYMENT);
    }

    @Test
    void decisionCarriesEveryQValueTheAllowedSetChoiceAndEpsilon() {
        set(RETRY_DEPLOYMENT, 0.25, 1);
        set(ESCALATE, -0.5, 1);
        Set<ActionKind> allowed = EnumSet.of(RETRY_DEPLOYMENT, ADJUST_THRESHOLDS);

        Decision d = planner(0, TieBreak.LEAST_VISITED, 1, false).decide(S, allowed);

        assertThat(d.planner()).isEqualTo("rl");
        assertThat(d.state()).isEqualTo(S);
        assertThat(d.qValues()).hasSize(ActionKind.values().length)
                .containsEntry(RETRY_DEPLOYMENT, 0.25).containsEntry(ESCALATE, -0.5).containsEntry(RESTART_SERVICE, 0.0);
        assertThat(d.allowed()).containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(d.action()).isEqualTo(RETRY_DEPLOYMENT);
        assertThat(d.epsilon()).isZero();
        assertThat(d.explanation())
                .contains("exploit", "planner rl", "ε=0.00", "→ retry_deployment")
                .contains("retry_deployment=0.250", "adjust_thresholds=0.000")
                .contains("escalate=-0.500 (masked)", "restart_service=0.000 (masked)")
                .doesNotContain("retry_deployment=0.250 (masked)");
    }

    @Test
    void explanationSaysWhenTheHighestValueIsATieAndHowItWasBroken() {
        Decision d = planner(0, TieBreak.LEAST_VISITED, 1, false).decide("latency_issue_DOWN", EnumSet.allOf(ActionKind.class));

        // escalate is not in the tie: it never heals, so the default learner tries it after every untried remedy
        assertThat(d.explanation()).contains("exploit: 4 actions tie at the highest Q-value 0.000 (retry_deployment, "
                + "restore_previous_version, adjust_thresholds, restart_service), broken by fewest tries in this "
                + "state, then the catalogue order").doesNotContain("exploit: highest Q-value");
        set(RETRY_DEPLOYMENT, 0.5, 1);
        Decision clear = planner(0, TieBreak.LEAST_VISITED, 1, false).decide(S, EnumSet.of(RETRY_DEPLOYMENT, ADJUST_THRESHOLDS));
        assertThat(clear.explanation()).contains("exploit: highest Q-value (").doesNotContain("tie");
    }

    @Test
    void explanationSaysExploreAndUntried() {
        Decision explored = planner(1, TieBreak.LEAST_VISITED, 5, false).decide(S, SEED_THREE);
        assertThat(explored.explanation()).contains("explore", "ε=1.00", "→ " + explored.action().id());
        Decision untried = planner(0.25, TieBreak.LEAST_VISITED, 5, true).decide(S, SEED_THREE);
        assertThat(untried.explanation()).contains("untried", "ε=0.25", "→ retry_deployment");
    }

    @Test
    void decisionsAreNotLaterChangedByTableUpdates() {
        Decision d = planner(0, TieBreak.LEAST_VISITED, 1, false).decide(S, SEED_THREE);
        set(RETRY_DEPLOYMENT, 7, 9);
        assertThat(d.qValues()).containsEntry(RETRY_DEPLOYMENT, 0.0);
    }

    @Test
    void unknownStateIsAddedToTheTableAndNothingAllowedIsAnError() {
        QLearningPlanner planner = planner(0, TieBreak.LEAST_VISITED, 1, false);
        planner.decide("anomaly_new_UP", SEED_THREE);
        assertThat(table.hasState("anomaly_new_UP")).isTrue();

        assertThatThrownBy(() -> planner.decide(S, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(S).hasMessageContaining("every action is masked");
        assertThatThrownBy(() -> planner.decide(" ", SEED_THREE)).isInstanceOf(IllegalArgumentException.class);
    }
}
