package io.jenkins.plugins.selfheal.engine.autonomy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealBudgetTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void theHourlyCapCountsOnlyTheLastHour() {
        HealBudget budget = HealBudget.of(2, 0);
        List<Instant> two = List.of(NOW.minusSeconds(600), NOW.minusSeconds(1200));
        assertThat(budget.refusal(two, Optional.empty(), NOW)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("heal refused: 2 heal(s) in the last hour, at most 2 allowed (maxHealsPerHour)"));
        List<Instant> oneOld = List.of(NOW.minusSeconds(600), NOW.minus(Duration.ofMinutes(61)));
        assertThat(budget.refusal(oneOld, Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void aCoolDownFollowsAFailedHeal() {
        HealBudget budget = HealBudget.of(0, 30);
        assertThat(budget.refusal(List.of(), Optional.of(NOW.minusSeconds(60)), NOW))
                .hasValueSatisfying(why -> assertThat(why).startsWith("heal refused: cooling down after a failed heal")
                        .contains("until 2026-12-03T12:29:00Z").contains("coolDownMinutes 30"));
        assertThat(budget.refusal(List.of(), Optional.of(NOW.minus(Duration.ofMinutes(31))), NOW)).isEmpty();
    }

    @Test
    void zeroMeansNoCap() {
        assertThat(HealBudget.UNLIMITED.refusal(List.of(NOW, NOW, NOW), Optional.of(NOW), NOW)).isEmpty();
    }

    @Test
    void negativeLimitsNameTheirField() {
        assertThatThrownBy(() -> HealBudget.of(-1, 0)).hasMessageStartingWith("maxHealsPerHour:");
        assertThatThrownBy(() -> HealBudget.of(1, -5)).hasMessageStartingWith("coolDownMinutes:");
    }
}
