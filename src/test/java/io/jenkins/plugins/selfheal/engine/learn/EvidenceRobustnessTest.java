package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ESCALATE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTART_SERVICE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evidence learner against a reviewer who is sometimes wrong, and what its explanation says about shared values. */
class EvidenceRobustnessTest {
    private static final LearningParameters EVIDENCE = LearningParameters.DEFAULTS.withEpsilon(0);
    private static final Set<ActionKind> ALL = EnumSet.allOf(ActionKind.class);
    private static final List<ActionKind> ORDER = List.of(ActionKind.values());

    private final QTable table = new QTable();
    private final QLearner learner = new QLearner(EVIDENCE, RewardPolicy.DEFAULTS);

    private void judge(String state, ActionKind action, boolean healed, Feedback feedback) {
        Decision d = new Decision("rl", state, action, Choice.EXPLOIT, 0, java.util.Map.of(), ALL);
        ActionResult outcome = healed ? ActionResult.succeeded(Duration.ZERO, "") : ActionResult.failed(Duration.ZERO, "");
        learner.learn(table, List.of(new HealAttempt(d, outcome, healed ? "no_failure_UP" : state, healed, ALL)), feedback, Instant.EPOCH);
    }

    @Test
    void aLoneWrongAcceptOfAWrongActionIsUndoneByTheNextReject() {
        judge("latency_issue_UP", RETRY_DEPLOYMENT, true, Feedback.accepted()); // the reviewer erred, the retry happened to heal
        assertThat(QLearningPlanner.greedy(table, EVIDENCE, "latency_issue_UP", ORDER)).isEqualTo(RETRY_DEPLOYMENT);
        judge("latency_issue_UP", RETRY_DEPLOYMENT, false, Feedback.rejected());
        // 1.0 + (−3 − 1.0)/4 = 0: no better than an untried remedy, which has fewer tries
        assertThat(table.value("latency_issue_UP", RETRY_DEPLOYMENT)).isCloseTo(0.0, within(1e-12));
        assertThat(QLearningPlanner.greedy(table, EVIDENCE, "latency_issue_UP", ORDER)).isEqualTo(RESTORE_PREVIOUS_VERSION);
    }

    @Test
    void oneWrongRejectInAStateIsOutweighedByWhatItsRelativesAgreeOn() {
        judge("anomaly_score_UP", RESTORE_PREVIOUS_VERSION, true, Feedback.rejected()); // the reviewer erred
        judge("anomaly_health_UP", RESTORE_PREVIOUS_VERSION, true, Feedback.accepted());
        judge("anomaly_health_DOWN", RESTORE_PREVIOUS_VERSION, true, Feedback.accepted());
        judge("anomaly_score_DOWN", RESTORE_PREVIOUS_VERSION, true, Feedback.accepted());

        assertThat(table.value("anomaly_score_UP", RESTORE_PREVIOUS_VERSION)).as("the stored cell is the state's own")
                .isCloseTo(-1.0 / 3, within(1e-12));
        double theirs = List.of("anomaly_health_UP", "anomaly_health_DOWN", "anomaly_score_DOWN").stream()
                .mapToDouble(s -> table.value(s, RESTORE_PREVIOUS_VERSION)).average().orElseThrow();
        assertThat(Evidence.value(table, EVIDENCE, "anomaly_score_UP", RESTORE_PREVIOUS_VERSION))
                .as("own −1/3 with the relatives' mean counted as two observations").isCloseTo((-1.0 / 3 + 2 * theirs) / 3, within(1e-12));
        assertThat(QLearningPlanner.greedy(table, EVIDENCE, "anomaly_score_UP", ORDER)).isEqualTo(RESTORE_PREVIOUS_VERSION);
        // the state's own verdicts decide once they are many
        for (int i = 0; i < 6; i++) {
            judge("anomaly_score_UP", RESTORE_PREVIOUS_VERSION, false, Feedback.rejected());
        }
        assertThat(QLearningPlanner.greedy(table, EVIDENCE, "anomaly_score_UP", ORDER)).isNotEqualTo(RESTORE_PREVIOUS_VERSION);
    }

    @Test
    void theExplanationSaysWhichRelatedStateAValueCameFrom() {
        judge("deployment_failure_DOWN", RESTART_SERVICE, true, Feedback.accepted());
        judge("deployment_failure_DOWN", RESTART_SERVICE, true, Feedback.accepted());
        QLearningPlanner planner = new QLearningPlanner(table, EVIDENCE, new Random(1), false);

        Decision borrowed = planner.decide("deployment_failure_UP", ALL);
        assertThat(borrowed.action()).isEqualTo(RESTART_SERVICE);
        assertThat(borrowed.explanation()).contains("→ restart_service (valued from deployment_failure_DOWN, where it was "
                + "learned from 2 tries; untried here)");

        judge("deployment_failure_UP", RESTART_SERVICE, true, Feedback.accepted());
        assertThat(planner.decide("deployment_failure_UP", ALL).explanation())
                .contains("(valued from its 1 try here together with deployment_failure_DOWN, where it was learned from 2 tries)");
        assertThat(planner.decide("latency_issue_UP", ALL).explanation()).as("nothing shared").doesNotContain("valued from");
        Decision classic = new QLearningPlanner(table, LearningParameters.SEED.withEpsilon(0), new Random(1), false)
                .decide("deployment_failure_UP", ALL);
        assertThat(classic.shared()).isEmpty();
    }

    @Test
    void explorationTriesWhatIsUnknownForTheFailureAndItsChancesAddUpToOne() {
        judge("deployment_failure_UP", RETRY_DEPLOYMENT, false, Feedback.rejected());
        judge("deployment_failure_DOWN", RESTORE_PREVIOUS_VERSION, false, Feedback.rejected());
        LearningParameters exploring = LearningParameters.DEFAULTS; // ε = 0.1
        assertThat(QLearningPlanner.explorable(table, exploring, "deployment_failure_UP", ORDER))
                .containsExactly(ADJUST_THRESHOLDS, RESTART_SERVICE);
        for (String state : List.of("deployment_failure_UP", "latency_issue_UP")) {
            double sum = ORDER.stream().mapToDouble(a -> QLearningPlanner.probability(table, exploring, state, a, ALL)).sum();
            assertThat(sum).as(state).isCloseTo(1.0, within(1e-12));
        }
        assertThat(QLearningPlanner.probability(table, exploring, "deployment_failure_UP", RETRY_DEPLOYMENT, ALL)).isZero();
        assertThat(QLearningPlanner.probability(table, exploring, "deployment_failure_UP", ADJUST_THRESHOLDS, ALL))
                .as("greedy and explorable").isCloseTo(0.9 + 0.05, within(1e-12));
        // every remedy judged: exploring is uniform over the allowed actions again, escalate included
        judge("deployment_failure_UP", ADJUST_THRESHOLDS, false, Feedback.rejected());
        judge("deployment_failure_UP", RESTART_SERVICE, false, Feedback.rejected());
        assertThat(QLearningPlanner.explorable(table, exploring, "deployment_failure_UP", ORDER)).containsExactlyElementsOf(ORDER);
        assertThat(QLearningPlanner.probability(table, exploring, "deployment_failure_UP", ESCALATE, ALL)).isCloseTo(0.9 + 0.02, within(1e-12));
    }
}
