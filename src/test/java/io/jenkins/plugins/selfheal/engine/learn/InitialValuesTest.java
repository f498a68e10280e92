package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters.InitialValues;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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
import static org.assertj.core.api.Assertions.within;

/** A new state's row starts from its sibling's values (our defaults) or from zeros (the seed settings). */
class InitialValuesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2024-04-01T08:00:00Z");
    private static final String SCORE_UP = "anomaly_score_UP";
    private static final String SCORE_DOWN = "anomaly_score_DOWN";
    private static final Set<ActionKind> ALL = EnumSet.allOf(ActionKind.class);
    private static final LearningParameters GREEDY = LearningParameters.DEFAULTS.withEpsilon(0);

    /** {@code SCORE_UP} learned: restore is clearly best, retry was rejected, the rest untried. */
    private static QTable learnedUp() {
        QTable table = new QTable();
        table.put(SCORE_UP, RESTORE_PREVIOUS_VERSION, new QEntry(0.57, 2, Optional.of(EARLIER)));
        table.put(SCORE_UP, RETRY_DEPLOYMENT, new QEntry(-0.1, 1, Optional.of(EARLIER)));
        return table;
    }

    @Test
    void defaultsUseSiblingsAndTheSeedSettingsZeros() {
        assertThat(LearningParameters.DEFAULTS.initialValues()).isEqualTo(InitialValues.SIBLINGS);
        assertThat(LearningParameters.SEED.initialValues()).isEqualTo(InitialValues.ZERO);
        assertThat(new LearningParameters(0.1, 0.1, 0.9, null, null).initialValues()).isEqualTo(InitialValues.SIBLINGS);
        assertThat(new LearningParameters(0.1, 0.1, 0.9)).isEqualTo(LearningParameters.DEFAULTS);
        assertThat(LearningParameters.DEFAULTS.alpha()).isEqualTo(0.1);
        assertThat(LearningParameters.DEFAULTS.epsilon()).isEqualTo(0.1);
        assertThat(LearningParameters.SEED.withEpsilon(0).initialValues()).isEqualTo(InitialValues.ZERO);
        assertThat(LearningParameters.SEED.withInitialValues(InitialValues.SIBLINGS).tieBreak())
                .isEqualTo(LearningParameters.TieBreak.FIRST_ACTION);
    }

    @Test
    void siblingIsTheSameFailureWithTheOtherUptimeStatus() {
        assertThat(StateNames.sibling("deployment_failure_UP")).contains("deployment_failure_DOWN");
        assertThat(StateNames.sibling("deployment_failure_DOWN")).contains("deployment_failure_UP");
        assertThat(StateNames.sibling(SCORE_UP)).contains(SCORE_DOWN);
        assertThat(StateNames.sibling("imported state")).isEmpty();
        assertThat(StateNames.sibling("_UP")).isEmpty();
        assertThat(StateNames.sibling("latency_issue_up")).isEmpty();
    }

    @Test
    void aNewStateCopiesItsSiblingsValuesButNotItsVisits() {
        QTable table = learnedUp();

        table.ensureState(SCORE_DOWN, InitialValues.SIBLINGS);

        assertThat(table.values(SCORE_DOWN)).isEqualTo(table.values(SCORE_UP));
        assertThat(table.row(SCORE_DOWN).values()).allSatisfy(cell -> {
            assertThat(cell.visits()).isZero();
            assertThat(cell.lastUpdated()).isEmpty();
        });
        assertThat(table.entry(SCORE_DOWN, RESTORE_PREVIOUS_VERSION)).isEqualTo(new QEntry(0.57, 0, Optional.empty()));
        assertThat(table.entry(SCORE_DOWN, ADJUST_THRESHOLDS)).isEqualTo(QEntry.UNVISITED);
        assertThat(table.totalVisits()).isEqualTo(3); // only the sibling's
        assertThat(table.entry(SCORE_UP, RESTORE_PREVIOUS_VERSION).visits()).isEqualTo(2); // sibling untouched
    }

    @Test
    void withoutASiblingOrWithZeroInitialValuesTheRowIsZero() {
        QTable table = learnedUp();

        table.ensureState("latency_issue_UP", InitialValues.SIBLINGS); // latency_issue_DOWN unknown
        table.ensureState("imported state", InitialValues.SIBLINGS);   // no suffix
        table.ensureState(SCORE_DOWN, InitialValues.ZERO);             // the seed settings

        for (String state : List.of("latency_issue_UP", "imported state", SCORE_DOWN)) {
            assertThat(table.row(state).values()).as(state).containsOnly(QEntry.UNVISITED);
        }
        QTable plain = learnedUp();
        plain.ensureState(SCORE_DOWN);
        assertThat(plain.row(SCORE_DOWN).values()).containsOnly(QEntry.UNVISITED);
    }

    @Test
    void aKnownStateIsNeverReinitialised() {
        QTable table = learnedUp();
        table.put(SCORE_DOWN, ESCALATE, new QEntry(-0.2, 1, Optional.of(EARLIER)));

        table.ensureState(SCORE_DOWN, InitialValues.SIBLINGS);

        assertThat(table.value(SCORE_DOWN, RESTORE_PREVIOUS_VERSION)).isZero();
        assertThat(table.value(SCORE_DOWN, ESCALATE)).isEqualTo(-0.2);
    }

    @Test
    void initialRowAndEntryOrInitialAddNothing() {
        QTable table = learnedUp();

        assertThat(table.entryOrInitial(SCORE_DOWN, RESTORE_PREVIOUS_VERSION, InitialValues.SIBLINGS).value()).isEqualTo(0.57);
        assertThat(table.entryOrInitial(SCORE_DOWN, RESTORE_PREVIOUS_VERSION, InitialValues.ZERO)).isEqualTo(QEntry.UNVISITED);
        assertThat(table.entryOrInitial(SCORE_UP, RETRY_DEPLOYMENT, InitialValues.ZERO).visits()).isEqualTo(1);
        assertThat(table.initialRow(SCORE_DOWN, InitialValues.SIBLINGS)).containsEntry(RETRY_DEPLOYMENT,
                new QEntry(-0.1, 0, Optional.empty()));
        assertThat(table.hasState(SCORE_DOWN)).isFalse();
    }

    @Test
    void theGreedyChoiceOfAnUnseenStateFollowsThePriorWithoutAddingIt() {
        QTable table = learnedUp();
        List<ActionKind> all = List.copyOf(ALL);

        assertThat(new QLearningPlanner(table, GREEDY, new Random(1), false).greedy(SCORE_DOWN, all))
                .isEqualTo(RESTORE_PREVIOUS_VERSION);
        assertThat(new QLearningPlanner(table, LearningParameters.SEED.withEpsilon(0), new Random(1), false)
                .greedy(SCORE_DOWN, all)).isEqualTo(RETRY_DEPLOYMENT); // zeros, ties to the first action
        assertThat(table.hasState(SCORE_DOWN)).isFalse();
    }

    @Test
    void aDecisionOnANewStateAddsThePriorRowAndExploitsIt() {
        QTable table = learnedUp();

        Decision decision = new QLearningPlanner(table, GREEDY, new Random(1), false).decide(SCORE_DOWN, ALL);

        assertThat(decision.action()).isEqualTo(RESTORE_PREVIOUS_VERSION);
        assertThat(decision.choice()).isEqualTo(Choice.EXPLOIT);
        assertThat(decision.qValues()).isEqualTo(table.values(SCORE_UP));
        assertThat(table.row(SCORE_DOWN).values()).allSatisfy(cell -> assertThat(cell.visits()).isZero());
    }

    @Test
    void theSeedSettingsDecideOnZeros() {
        QTable table = learnedUp();

        Decision decision = new QLearningPlanner(table, LearningParameters.SEED.withEpsilon(0), new Random(1), false)
                .decide(SCORE_DOWN, ALL);

        assertThat(decision.action()).isEqualTo(RETRY_DEPLOYMENT);
        assertThat(decision.qValues().values()).containsOnly(0.0);
        assertThat(table.row(SCORE_DOWN).values()).containsOnly(QEntry.UNVISITED);
    }

    @Test
    void inTrainingModePriorCellsStillCountAsUntried() {
        QTable table = learnedUp();

        Decision decision = new QLearningPlanner(table, GREEDY, new Random(1), true).decide(SCORE_DOWN, ALL);

        assertThat(decision.choice()).isEqualTo(Choice.UNTRIED);
        assertThat(decision.action()).isEqualTo(RETRY_DEPLOYMENT);
    }

    @Test
    void learningStartsFromTheSameInitialRowTheDecisionSaw() {
        QTable stored = learnedUp();
        QTable copy = stored.copy(); // a build decides on a copy; the learner updates the stored table
        Decision decision = new QLearningPlanner(copy, GREEDY, new Random(1), false).decide(SCORE_DOWN, ALL);
        HealAttempt step = new HealAttempt(decision, ActionResult.succeeded(Duration.ofMillis(5), ""), "no_failure_UP", true, ALL);

        List<QUpdate> updates = new QLearner(GREEDY, RewardPolicy.DEFAULTS).learn(stored, List.of(step), Feedback.accepted(), NOW);

        QUpdate update = updates.get(0);
        assertThat(update.before()).isEqualTo(decision.qValues().get(RESTORE_PREVIOUS_VERSION)).isEqualTo(0.57);
        assertThat(update.after()).isCloseTo(0.57 + 0.1 * (3 - 0.57), within(1e-12));
        assertThat(stored.entry(SCORE_DOWN, RESTORE_PREVIOUS_VERSION)).isEqualTo(new QEntry(update.after(), 1, Optional.of(NOW)));
        // the cells not updated keep the prior the decision showed, still unvisited
        for (ActionKind other : List.of(RETRY_DEPLOYMENT, ADJUST_THRESHOLDS, RESTART_SERVICE, ESCALATE)) {
            assertThat(stored.entry(SCORE_DOWN, other)).isEqualTo(copy.entry(SCORE_DOWN, other));
            assertThat(stored.entry(SCORE_DOWN, other).visits()).isZero();
        }
    }

    @Test
    void theSeedSettingsLearnFromZero() {
        QTable table = learnedUp();
        Decision decision = new Decision("rl", SCORE_DOWN, RESTORE_PREVIOUS_VERSION, Choice.EXPLOIT, 0, java.util.Map.of(), ALL);
        HealAttempt step = new HealAttempt(decision, ActionResult.succeeded(Duration.ofMillis(5), ""), "no_failure_UP", true, ALL);

        new QLearner(LearningParameters.SEED, RewardPolicy.SEED).learn(table, List.of(step), Feedback.accepted(), NOW);

        assertThat(table.value(SCORE_DOWN, RESTORE_PREVIOUS_VERSION)).isCloseTo(0.3, within(1e-12));
        assertThat(table.value(SCORE_DOWN, RETRY_DEPLOYMENT)).isZero();
    }

    @Test
    void aFailedStepBootstrapsFromTheNextStatesPriorWithoutAddingIt() {
        QTable table = new QTable();
        table.put("deployment_failure_UP", RETRY_DEPLOYMENT, new QEntry(2.0, 4, Optional.of(EARLIER)));
        Decision first = new Decision("rl", SCORE_UP, RETRY_DEPLOYMENT, Choice.EXPLOIT, 0, java.util.Map.of(), ALL);
        HealAttempt failed = new HealAttempt(first, ActionResult.failed(Duration.ofMillis(5), ""), "deployment_failure_DOWN", false,
                EnumSet.of(RETRY_DEPLOYMENT));
        Decision second = new Decision("rl", SCORE_UP, RESTORE_PREVIOUS_VERSION, Choice.EXPLOIT, 0, java.util.Map.of(), ALL);
        HealAttempt healed = new HealAttempt(second, ActionResult.succeeded(Duration.ofMillis(5), ""), "no_failure_UP", true, ALL);

        List<QUpdate> updates = new QLearner(LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS)
                .learn(table, List.of(failed, healed), Feedback.accepted(), NOW);

        assertThat(updates.get(1).target()).isCloseTo(-1 + 0.9 * 2.0, within(1e-12));
        assertThat(table.hasState("deployment_failure_DOWN")).isFalse();
    }
}
