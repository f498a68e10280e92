package io.jenkins.plugins.selfheal.engine.heal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What adjust_thresholds does, in the CLI simulation and in Jenkins alike. */
class LatencyThresholdTest {
    @Test
    void relaxesByHalfUpToTwiceTheBaseReportingEachStep() {
        List<Duration> saved = new ArrayList<>();
        LatencyThreshold threshold = new LatencyThreshold(Duration.ofMillis(16000), Duration.ofMillis(16000), saved::add);

        ActionResult first = threshold.relax(Duration.ofMillis(200));

        assertThat(first.success()).isTrue();
        assertThat(first.detail()).isEqualTo("latency threshold 16000 ms → 24000 ms (bound 32000 ms)");
        assertThat(threshold.canRelax()).isTrue();
        threshold.relax(Duration.ZERO);
        assertThat(threshold.current()).isEqualTo(Duration.ofMillis(32000));
        assertThat(threshold.canRelax()).isFalse();
        assertThat(saved).containsExactly(Duration.ofMillis(24000), Duration.ofMillis(32000));
    }

    @Test
    void aCurrentValueBelowTheBaseStartsAtTheBase() {
        LatencyThreshold threshold = new LatencyThreshold(Duration.ofMillis(2000), Duration.ofMillis(500), d -> { });

        assertThat(threshold.current()).isEqualTo(Duration.ofMillis(2000));
    }
}
