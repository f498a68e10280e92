package io.jenkins.plugins.selfheal.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsRulesTest {
    @Test
    void defaults() {
        assertThat(SettingsRules.DEFAULT_ALPHA).isEqualTo(0.1);
        assertThat(SettingsRules.DEFAULT_EPSILON).isEqualTo(0.1);
        assertThat(SettingsRules.DEFAULT_GAMMA).isEqualTo(0.9);
        assertThat(SettingsRules.DEFAULT_REWARD_ACCEPTED_HEALED).isEqualTo(3);
        assertThat(SettingsRules.DEFAULT_REWARD_ACCEPTED_NOT_HEALED).isEqualTo(1);
        assertThat(SettingsRules.DEFAULT_REWARD_REJECTED).isEqualTo(-1);
        assertThat(SettingsRules.DEFAULT_REWARD_NO_FEEDBACK_HEALED).isEqualTo(1);
        assertThat(SettingsRules.DEFAULT_REWARD_NO_FEEDBACK_NOT_HEALED).isEqualTo(-1);
        assertThat(SettingsRules.DEFAULT_FEEDBACK_TIMEOUT_MINUTES).isEqualTo(60);
        for (String f : SettingsRules.NUMERIC_FIELDS) {
            assertThatCode(() -> SettingsRules.check(f, defaultOf(f))).as(f).doesNotThrowAnyException();
        }
    }

    private static String defaultOf(String field) {
        return switch (field) {
            case "alpha" -> "0.1";
            case "epsilon" -> "0.1";
            case "gamma" -> "0.9";
            case "feedbackTimeoutMinutes" -> "60";
            default -> "1";
        };
    }

    @ParameterizedTest
    @CsvSource({
        "alpha, 1", "alpha, 0.0001", " alpha, ' 0.5 '",
        "epsilon, 0", "epsilon, 1", "gamma, 0", "gamma, 1",
        "rewardRejected, -100", "rewardAcceptedHealed, 2.5",
        "feedbackTimeoutMinutes, 1", "feedbackTimeoutMinutes, 1440"})
    void accepts(String field, String value) {
        assertThatCode(() -> SettingsRules.check(field.trim(), value)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "alpha, 0", "alpha, -0.1", "alpha, 1.01", "alpha, abc", "alpha, ''", "alpha, NaN",
        "epsilon, -0.01", "epsilon, 1.5", "gamma, -1", "gamma, 2",
        "rewardRejected, Infinity", "rewardNoFeedbackHealed, x",
        "feedbackTimeoutMinutes, 0", "feedbackTimeoutMinutes, -5", "feedbackTimeoutMinutes, 1.5"})
    void rejectsNamingTheField(String field, String value) {
        assertThatThrownBy(() -> SettingsRules.check(field, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
    }

    @Test
    void settersRangeChecksNameTheField() {
        assertThatThrownBy(() -> SettingsRules.requireAlpha(0)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> SettingsRules.requireEpsilon(2)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> SettingsRules.requireGamma(-0.5)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> SettingsRules.requireFeedbackTimeout(0)).hasMessageContaining("feedbackTimeoutMinutes");
        assertThatThrownBy(() -> SettingsRules.requireReward("rewardRejected", Double.NaN)).hasMessageContaining("rewardRejected");
    }
}
