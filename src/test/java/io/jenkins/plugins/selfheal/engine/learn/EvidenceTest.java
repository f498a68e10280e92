package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ESCALATE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTART_SERVICE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evidence learner's values and steps (see {@link Evidence}); the classic learner's are unchanged. */
class EvidenceTest {
    private static final LearningParameters EVIDENCE = LearningParameters.DEFAULTS;
    private static final LearningParameters CLASSIC = LearningParameters.DEFAULTS.withLearner(LearningParameters.Learner.CLASSIC);
    private static final Optional<Instant> AT = Optional.of(Instant.EPOCH);

    @Test
    void theDefaultsUseTheEvidenceLearnerAndTheSeedSettingsTheClassicOne() {
        assertThat(LearningParameters.DEFAULTS.learner()).isEqualTo(LearningParameters.Learner.EVIDENCE);
        assertThat(LearningParameters.SEED.learner()).isEqualTo(LearningParameters.Learner.CLASSIC);
        assertThat(new LearningParameters(0.1, 0.1, 0.9, null, null, null).learner()).isEqualTo(LearningParameters.Learner.EVIDENCE);
    }

    @Test
    void theStepAveragesTheFirstRewardsThenNeverFallsBelowAlpha() {
        assertThat(Evidence.step(EVIDENCE, 0)).isEqualTo(1.0 / 3);
        assertThat(Evidence.step(EVIDENCE, 1)).isEqualTo(1.0 / 4);
        assertThat(Evidence.step(EVIDENCE, 100)).isEqualTo(0.1);
        assertThat(Evidence.step(CLASSIC, 0)).isEqualTo(0.1);
    }

    @Test
    void anUntriedActionIsValuedByWhatTheSameFailureLearnedElsewhere() {
        QTable table = new QTable();
        table.put("deployment_failure_UP", RESTART_SERVICE, new QEntry(1.5, 2, AT));
        table.put("anomaly_score_UP", RESTORE_PREVIOUS_VERSION, new QEntry(2.0, 3, AT));
        table.put("anomaly_health_DOWN", RESTORE_PREVIOUS_VERSION, new QEntry(1.0, 1, AT));
        table.put("anomaly_health_DOWN", RETRY_DEPLOYMENT, new QEntry(-0.5, 1, AT));

        assertThat(Evidence.value(table, EVIDENCE, "deployment_failure_DOWN", RESTART_SERVICE)).isEqualTo(1.5);
        // weighted by visits: 3 updates at 2.0, 1 at 1.0
        assertThat(Evidence.value(table, EVIDENCE, "anomaly_score_DOWN", RESTORE_PREVIOUS_VERSION)).isEqualTo(1.75);
        assertThat(Evidence.value(table, EVIDENCE, "anomaly_score_UP", RETRY_DEPLOYMENT)).isEqualTo(-0.5);
        assertThat(Evidence.value(table, EVIDENCE, "latency_issue_UP", RESTART_SERVICE)).as("another failure").isZero();
        // the classic learner copies the sibling's values once, when the row is added; the evidence learner reads them live
        table.ensureState("deployment_failure_DOWN", LearningParameters.InitialValues.SIBLINGS);
        table.put("deployment_failure_UP", RESTART_SERVICE, new QEntry(2.5, 3, AT));
        assertThat(Evidence.value(table, CLASSIC, "deployment_failure_DOWN", RESTART_SERVICE)).as("classic").isEqualTo(1.5);
        assertThat(Evidence.value(table, EVIDENCE, "deployment_failure_DOWN", RESTART_SERVICE)).isEqualTo(2.5);
        // once the state has its own verdict, it counts beside the sibling's, which weighs at most two observations
        table.put("deployment_failure_DOWN", RESTART_SERVICE, new QEntry(-0.3, 1, AT));
        assertThat(Evidence.value(table, EVIDENCE, "deployment_failure_DOWN", RESTART_SERVICE)).isCloseTo((-0.3 + 2 * 2.5) / 3, within(1e-12));
        table.put("deployment_failure_DOWN", RESTART_SERVICE, new QEntry(-0.3, 8, AT));
        assertThat(Evidence.value(table, EVIDENCE, "deployment_failure_DOWN", RESTART_SERVICE)).isCloseTo((8 * -0.3 + 2 * 2.5) / 10, within(1e-12));
        assertThat(Evidence.value(table, CLASSIC, "deployment_failure_DOWN", RESTART_SERVICE)).isEqualTo(-0.3);
        // an imported value (no visits) is the state's own too
        table.put("imported", ADJUST_THRESHOLDS, new QEntry(0.7, 0, Optional.empty()));
        assertThat(Evidence.value(table, EVIDENCE, "imported", ADJUST_THRESHOLDS)).isEqualTo(0.7);
        assertThat(Evidence.familyOf("anomaly_score_DOWN")).isEqualTo("anomaly");
        assertThat(Evidence.familyOf("latency_issue_UP")).isEqualTo("latency_issue");
        assertThat(Evidence.familyOf("imported")).isEqualTo("imported");
    }

    @Test
    void escalateIsTriedAfterEveryUntriedRemedyAndBeforeARejectedOne() {
        QTable table = new QTable();
        QLearner learner = new QLearner(EVIDENCE, RewardPolicy.DEFAULTS);
        QLearningPlanner planner = new QLearningPlanner(table, EVIDENCE.withEpsilon(0), new java.util.Random(1), false);
        java.util.List<ActionKind> tried = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Decision d = planner.decide("latency_issue_UP", java.util.EnumSet.allOf(ActionKind.class));
            tried.add(d.action());
            HealAttempt step = new HealAttempt(d, io.jenkins.plugins.selfheal.engine.heal.ActionResult.failed(java.time.Duration.ZERO, ""),
                    "latency_issue_UP", false, java.util.EnumSet.allOf(ActionKind.class));
            learner.learn(table, java.util.List.of(step), Feedback.rejected(), Instant.EPOCH);
        }
        assertThat(tried).containsExactly(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, ADJUST_THRESHOLDS, RESTART_SERVICE, ESCALATE);
        // nothing healed, so each reject is confirmed by the outcome: target 3 × −1
        assertThat(table.value("latency_issue_UP", ESCALATE)).isCloseTo(-0.25 + (-3 + 0.25) / 3, within(1e-12));
    }

    @Test
    void anOverrideMakesTheNamedActionTheGreedyOneAtOnce() {
        QTable table = new QTable();
        QLearningPlanner planner = new QLearningPlanner(table, EVIDENCE.withEpsilon(0), new java.util.Random(1), false);
        Decision d = planner.decide("deployment_failure_UP", java.util.EnumSet.allOf(ActionKind.class));
        HealAttempt step = new HealAttempt(d, io.jenkins.plugins.selfheal.engine.heal.ActionResult.failed(java.time.Duration.ZERO, ""),
                "deployment_failure_UP", false, java.util.EnumSet.allOf(ActionKind.class));
        new QLearner(EVIDENCE, RewardPolicy.DEFAULTS).learn(table, java.util.List.of(step), new Feedback.Overridden(RESTART_SERVICE), Instant.EPOCH);

        assertThat(planner.greedy("deployment_failure_UP", java.util.List.of(ActionKind.values()))).isEqualTo(RESTART_SERVICE);
        assertThat(planner.greedy("deployment_failure_DOWN", java.util.List.of(ActionKind.values()))).as("shared").isEqualTo(RESTART_SERVICE);
    }
}
