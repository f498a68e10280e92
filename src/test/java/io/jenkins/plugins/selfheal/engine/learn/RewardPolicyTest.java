package io.jenkins.plugins.selfheal.engine.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewardPolicyTest {
    private final RewardPolicy rewards = RewardPolicy.DEFAULTS;

    @Test
    void acceptedHealedIsThreeAcceptedNotHealedIsOne() {
        assertThat(rewards.forChosenAction(Feedback.accepted(), true)).isEqualTo(3.0);
        assertThat(rewards.forChosenAction(Feedback.accepted(), false)).isEqualTo(1.0);
    }

    @Test
    void rejectedIsMinusOneWhateverTheOutcome() {
        assertThat(rewards.forChosenAction(Feedback.rejected(), true)).isEqualTo(-1.0);
        assertThat(rewards.forChosenAction(Feedback.rejected(), false)).isEqualTo(-1.0);
    }

    @Test
    void noFeedbackFollowsTheOutcome() {
        assertThat(rewards.forChosenAction(Feedback.none("timeout"), true)).isEqualTo(1.0);
        assertThat(rewards.forChosenAction(Feedback.none("timeout"), false)).isEqualTo(-1.0);
        assertThat(rewards.forOutcomeOnly(true)).isEqualTo(1.0);
        assertThat(rewards.forOutcomeOnly(false)).isEqualTo(-1.0);
    }

    @Test
    void overriddenCountsAsRejectedForTheChosenActionAndTheNamedActionGetsTheHealedReward() {
        assertThat(rewards.forChosenAction(new Feedback.Overridden(RETRY_DEPLOYMENT), true)).isEqualTo(-1.0);
        assertThat(rewards.forChosenAction(new Feedback.Overridden(RESTORE_PREVIOUS_VERSION), false)).isEqualTo(-1.0);
        assertThat(rewards.forOverrideAction()).isEqualTo(3.0);
    }

    @Test
    void customValuesAreUsedNotTheDefaults() {
        RewardPolicy custom = new RewardPolicy(10, 5, -7, 2, -3);
        assertThat(custom.forChosenAction(Feedback.accepted(), true)).isEqualTo(10);
        assertThat(custom.forChosenAction(Feedback.accepted(), false)).isEqualTo(5);
        assertThat(custom.forChosenAction(Feedback.rejected(), true)).isEqualTo(-7);
        assertThat(custom.forChosenAction(Feedback.none(""), true)).isEqualTo(2);
        assertThat(custom.forChosenAction(Feedback.none(null), false)).isEqualTo(-3);
        assertThat(custom.forOverrideAction()).isEqualTo(10);
    }

    @Test
    void seedRewardsPunishEverythingButAnAcceptedHeal() {
        assertThat(RewardPolicy.SEED.forChosenAction(Feedback.accepted(), true)).isEqualTo(3.0);
        assertThat(RewardPolicy.SEED.forChosenAction(Feedback.accepted(), false)).isEqualTo(-1.0);
        assertThat(RewardPolicy.SEED.forChosenAction(Feedback.none(""), true)).isEqualTo(-1.0);
    }

    @Test
    void nonFiniteRewardsAreRejected() {
        assertThatThrownBy(() -> new RewardPolicy(Double.NaN, 1, -1, 1, -1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new RewardPolicy(3, 1, -1, 1, Double.NEGATIVE_INFINITY)).hasMessageContaining("finite");
    }

    @Test
    void verdictWords() {
        assertThat(Feedback.accepted().verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(Feedback.rejected().verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(new Feedback.Overridden(RETRY_DEPLOYMENT).verdict()).isEqualTo(Verdict.OVERRIDE);
        assertThat(Feedback.none(null).verdict()).isEqualTo(Verdict.NONE);
        assertThatThrownBy(() -> new Feedback.Overridden(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0.1, 0.9, alpha", "-0.1, 0.1, 0.9, alpha", "1.01, 0.1, 0.9, alpha", "NaN, 0.1, 0.9, alpha",
            "0.1, -0.01, 0.9, epsilon", "0.1, 1.5, 0.9, epsilon", "0.1, NaN, 0.9, epsilon",
            "0.1, 0.1, -1, gamma", "0.1, 0.1, 1.0001, gamma", "0.1, 0.1, NaN, gamma"})
    void invalidLearningParametersNameTheField(double alpha, double epsilon, double gamma, String field) {
        assertThatThrownBy(() -> new LearningParameters(alpha, epsilon, gamma))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " must be between");
    }

    @Test
    void boundaryLearningParametersAreValidAndTieBreakDefaults() {
        LearningParameters p = new LearningParameters(1.0, 0.0, 1.0, null);
        assertThat(p.tieBreak()).isEqualTo(LearningParameters.TieBreak.LEAST_VISITED);
        assertThat(new LearningParameters(Double.MIN_VALUE, 1.0, 0.0).epsilon()).isEqualTo(1.0);
        assertThat(LearningParameters.DEFAULTS.withEpsilon(0.3)).isEqualTo(new LearningParameters(0.1, 0.3, 0.9));
        assertThatThrownBy(() -> LearningParameters.DEFAULTS.withEpsilon(2)).hasMessageContaining("epsilon");
    }
}
