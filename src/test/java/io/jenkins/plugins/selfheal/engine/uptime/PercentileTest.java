package io.jenkins.plugins.selfheal.engine.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentileTest {

    private static List<Duration> millis(int... values) {
        return IntStream.of(values).mapToObj(Duration::ofMillis).toList();
    }

    @Test
    void nearestRankPicksAMeasuredSample() {
        assertThat(Percentile.nearestRank(millis(15, 20, 35, 40, 50), 30)).isEqualTo(Duration.ofMillis(20));
        assertThat(Percentile.nearestRank(millis(15, 20, 35, 40, 50), 40)).isEqualTo(Duration.ofMillis(20));
        assertThat(Percentile.nearestRank(millis(50, 15, 40, 20, 35), 50)).isEqualTo(Duration.ofMillis(35));
        assertThat(Percentile.nearestRank(millis(15, 20, 35, 40, 50), 100)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rejectsEmptySamplesAndBadPercent() {
        assertThatThrownBy(() -> Percentile.nearestRank(List.of(), 95)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Percentile.nearestRank(millis(1), 0)).hasMessageContaining("percent");
        assertThatThrownBy(() -> Percentile.nearestRank(millis(1), 101)).hasMessageContaining("percent");
    }
}
