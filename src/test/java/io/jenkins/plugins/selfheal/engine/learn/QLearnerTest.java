package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QLearnerTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String A = "deployment_failure_DOWN";
    private static final String B = "latency_issue_UP";
    private static final Set<ActionKind> THREE = EnumSet.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, ADJUST_THRESHOLDS);

    private final QTable table = new QTable();
    private final QLearner learner = new QLearner(new LearningParameters(0.5, 0.1, 0.9), RewardPolicy.DEFAULTS);

    private static HealAttempt step(String state, ActionKind action, String after, boolean healed, Set<ActionKind> allowedAfter) {
        Decision d = new Decision("rl", state, action, Choice.EXPLOIT, 0.1, Map.of(), THREE);
        ActionResult outcome = healed ? ActionResult.succeeded(Duration.ofMillis(10), "")
                : ActionResult.failed(Duration.ofMillis(10), "");
        return new HealAttempt(d, outcome, after, healed, allowedAfter);
    }

    private void set(String state, ActionKind action, double q, long visits) {
        table.put(state, action, new QEntry(q, visits, Optional.empty()));
    }

    @Test
    void singleStepMovesQTowardsTheRewardByAlpha() {
        set(A, RETRY_DEPLOYMENT, 1.0, 2);

        List<QUpdate> updates = learner.learn(table, List.of(step(A, RETRY_DEPLOYMENT, "no_failure_UP", true, THREE)),
                Feedback.accepted(), NOW);

        // 1.0 + 0.5 * (3 - 1.0) = 2.0
        assertThat(table.entry(A, RETRY_DEPLOYMENT)).isEqualTo(new QEntry(2.0, 3, Optional.of(NOW)));
        assertThat(updates).containsExactly(new QUpdate(A, RETRY_DEPLOYMENT, 3.0, 3.0, 1.0, 2.0, NOW));
    }

    @Test
    void singleStepWithEachVerdict() {
        learner.learn(table, List.of(step(A, RETRY_DEPLOYMENT, A, false, THREE)), Feedback.accepted(), NOW);
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isEqualTo(0.5); // 0 + 0.5 * (1 - 0)
        // a reject of an action that did not heal: the evidence learner's target is 3 × the reward (Evidence)
        List<QUpdate> rejected = learner.learn(table, List.of(step(A, RETRY_DEPLOYMENT, A, false, THREE)), Feedback.rejected(), NOW);
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isEqualTo(-1.25); // 0.5 + 0.5 * (-3 - 0.5)
        assertThat(rejected).containsExactly(new QUpdate(A, RETRY_DEPLOYMENT, -1.0, -3.0, 0.5, -1.25, NOW));
        learner.learn(table, List.of(step(A, RETRY_DEPLOYMENT, "no_failure_UP", true, THREE)), Feedback.none("timeout"), NOW);
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isEqualTo(-0.125); // -1.25 + 0.5 * (1 + 1.25)
        assertThat(table.entry(A, RETRY_DEPLOYMENT).visits()).isEqualTo(3);
        assertThat(table.totalVisits()).isEqualTo(3);
    }

    @Test
    void theClassicLearnerLearnsARejectAsItsRewardWhateverTheOutcome() {
        QLearner classic = new QLearner(new LearningParameters(0.5, 0.1, 0.9).withLearner(LearningParameters.Learner.CLASSIC),
                RewardPolicy.DEFAULTS);
        List<QUpdate> updates = classic.learn(table, List.of(step(A, RETRY_DEPLOYMENT, A, false, THREE)), Feedback.rejected(), NOW);
        assertThat(updates).containsExactly(new QUpdate(A, RETRY_DEPLOYMENT, -1.0, -1.0, 0.0, -0.5, NOW));
        // the evidence learner: a reject of an action that healed is the reward alone
        learner.learn(table, List.of(step(A, RESTORE_PREVIOUS_VERSION, "no_failure_UP", true, THREE)), Feedback.rejected(), NOW);
        assertThat(table.value(A, RESTORE_PREVIOUS_VERSION)).isEqualTo(-0.5);
    }

    @Test
    void originalSimulationBanditUpdateWithSeedSettings() {
        QLearner seed = new QLearner(LearningParameters.SEED, RewardPolicy.SEED);
        seed.learn(table, List.of(step(A, RETRY_DEPLOYMENT, A, false, THREE)), Feedback.accepted(), NOW);
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isCloseTo(-0.1, within(1e-12));
        seed.learn(table, List.of(step(A, RETRY_DEPLOYMENT, A, false, THREE)), Feedback.accepted(), NOW);
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isCloseTo(-0.19, within(1e-12));
    }

    @Test
    void twoStepHealBootstrapsTheFirstStepFromTheFreshlyUpdatedAllowedValues() {
        set(B, RETRY_DEPLOYMENT, 0.2, 1);
        set(B, RESTORE_PREVIOUS_VERSION, 0.4, 1);
        set(B, ADJUST_THRESHOLDS, 5.0, 1); // masked after the first step: must not be used
        Set<ActionKind> allowedAfter = EnumSet.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION);
        List<HealAttempt> steps = List.of(
                step(A, RETRY_DEPLOYMENT, B, false, allowedAfter),
                step(B, RESTORE_PREVIOUS_VERSION, "no_failure_UP", true, THREE));

        List<QUpdate> updates = learner.learn(table, steps, Feedback.accepted(), NOW);

        // last step terminal: 0.4 + 0.5 * (3 - 0.4) = 1.7
        assertThat(table.value(B, RESTORE_PREVIOUS_VERSION)).isCloseTo(1.7, within(1e-12));
        // first step: target = -1 + 0.9 * max(0.2, 1.7) = 0.53; 0 + 0.5 * 0.53 = 0.265
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isCloseTo(0.265, within(1e-12));
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).state()).isEqualTo(B);
        QUpdate first = updates.get(1);
        assertThat(first.state()).isEqualTo(A);
        assertThat(first.reward()).isEqualTo(-1.0);
        assertThat(first.target()).isCloseTo(0.53, within(1e-12));
        assertThat(first.before()).isZero();
        assertThat(first.after()).isCloseTo(0.265, within(1e-12));
        assertThat(table.entry(B, ADJUST_THRESHOLDS).value()).isEqualTo(5.0);
    }

    @Test
    void gammaZeroMakesEveryStepABandit() {
        QLearner bandit = new QLearner(new LearningParameters(0.5, 0.1, 0.0), RewardPolicy.DEFAULTS);
        set(B, RESTORE_PREVIOUS_VERSION, 4.0, 1);
        bandit.learn(table, List.of(step(A, RETRY_DEPLOYMENT, B, false, THREE),
                step(B, RESTORE_PREVIOUS_VERSION, "no_failure_UP", true, THREE)), Feedback.accepted(), NOW);
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isEqualTo(-0.5);
    }

    @Test
    void overrideCreditsTheNamedActionInTheLastStepsStateAndRejectsTheChosenOne() {
        set(B, ADJUST_THRESHOLDS, 1.0, 4);
        List<HealAttempt> steps = List.of(
                step(A, RETRY_DEPLOYMENT, B, false, THREE),
                step(B, RETRY_DEPLOYMENT, B, false, THREE));

        List<QUpdate> updates = learner.learn(table, steps, new Feedback.Overridden(ADJUST_THRESHOLDS), NOW);

        assertThat(table.entry(B, ADJUST_THRESHOLDS)).isEqualTo(new QEntry(2.0, 5, Optional.of(NOW))); // 1 + 0.5 * (3 - 1)
        assertThat(table.entry(B, RETRY_DEPLOYMENT)).isEqualTo(new QEntry(-0.5, 1, Optional.of(NOW)));
        assertThat(table.entry(A, ADJUST_THRESHOLDS)).isEqualTo(QEntry.UNVISITED);
        // first step bootstraps from max over B = 2.0: target -1 + 0.9 * 2 = 0.8
        assertThat(table.value(A, RETRY_DEPLOYMENT)).isCloseTo(0.4, within(1e-12));
        assertThat(updates).extracting(QUpdate::target).containsExactly(3.0, -1.0, updates.get(2).target());
        assertThat(updates.get(2).target()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void overrideNamingTheChosenActionCountsAsAccepted() {
        learner.learn(table, List.of(step(A, RESTORE_PREVIOUS_VERSION, A, false, THREE)),
                new Feedback.Overridden(RESTORE_PREVIOUS_VERSION), NOW);
        assertThat(table.entry(A, RESTORE_PREVIOUS_VERSION)).isEqualTo(new QEntry(0.5, 1, Optional.of(NOW))); // reward 1

        List<QUpdate> healed = learner.learn(table, List.of(step(A, RESTORE_PREVIOUS_VERSION, "no_failure_UP", true, THREE)),
                new Feedback.Overridden(RESTORE_PREVIOUS_VERSION), NOW);
        assertThat(healed).hasSize(1);
        assertThat(healed.get(0).reward()).isEqualTo(3.0);
        assertThat(table.entry(A, RESTORE_PREVIOUS_VERSION)).isEqualTo(new QEntry(1.75, 2, Optional.of(NOW)));
    }

    @Test
    void noStepsNoUpdates() {
        assertThat(learner.learn(table, List.of(), Feedback.accepted(), NOW)).isEmpty();
        assertThat(table.size()).isZero();
    }
}
