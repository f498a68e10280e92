package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyDetectorTest {

    private static List<Duration> millis(int... values) {
        return IntStream.of(values).mapToObj(Duration::ofMillis).toList();
    }

    private static List<Duration> oneToN(int n) {
        List<Duration> samples = new java.util.ArrayList<>(IntStream.rangeClosed(1, n).mapToObj(Duration::ofMillis).toList());
        Collections.shuffle(samples, new java.util.Random(42));
        return samples;
    }

    @Test
    void p95UsesNearestRank() {
        assertThat(LatencyDetector.p95(millis(5, 1, 3, 2, 4))).isEqualTo(Duration.ofMillis(5)); // rank 5 of 5
        assertThat(LatencyDetector.p95(millis(7))).isEqualTo(Duration.ofMillis(7));
        assertThat(LatencyDetector.p95(oneToN(20))).isEqualTo(Duration.ofMillis(19)); // ceil(19.0) = 19
        assertThat(LatencyDetector.p95(oneToN(21))).isEqualTo(Duration.ofMillis(20)); // ceil(19.95) = 20
        assertThat(LatencyDetector.p95(oneToN(100))).isEqualTo(Duration.ofMillis(95));
    }

    @Test
    void injectedSeedLatencyIsDetectedWithTheDefaultThreshold() {
        LatencyDetector detector = new LatencyDetector(LatencyDetector.DEFAULT_THRESHOLD);

        assertThat(detector.check(millis(20000, 20000, 20000, 20000, 20000)))
                .contains(Finding.latency("p95 response time 20000 ms above the 16000 ms threshold (5 samples)"));
        assertThat(detector.check(millis(20000)).map(Finding::reason)).hasValueSatisfying(
                reason -> assertThat(reason).endsWith("(1 sample)"));
    }

    @Test
    void thresholdItselfIsNotAFinding() {
        LatencyDetector detector = new LatencyDetector(Duration.ofMillis(16000));

        assertThat(detector.check(millis(100, 16000))).isEmpty();
        assertThat(detector.check(List.of(Duration.ofMillis(16000).plusNanos(1)))).isPresent();
    }

    @Test
    void oneSlowRequestInTwentyIsTolerated() {
        LatencyDetector detector = new LatencyDetector(Duration.ofMillis(1000));
        List<Duration> samples = new java.util.ArrayList<>(Collections.nCopies(19, Duration.ofMillis(50)));
        samples.add(Duration.ofMillis(30000));

        assertThat(detector.check(samples)).isEmpty();
        samples.set(0, Duration.ofMillis(30000));
        assertThat(detector.check(samples)).map(Finding::failure).contains(Finding.LATENCY_ISSUE);
    }

    @Test
    void noSamplesNoFinding() {
        assertThat(new LatencyDetector(Duration.ofMillis(1)).check(List.of())).isEmpty();
    }

    @Test
    void thresholdMustBePositive() {
        assertThatThrownBy(() -> new LatencyDetector(Duration.ZERO)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new LatencyDetector(Duration.ofMillis(-5))).hasMessageContaining("threshold");
    }

    @Test
    void relaxingGrowsByHalfUntilTwiceTheBase() {
        Duration base = LatencyDetector.DEFAULT_THRESHOLD;

        Duration first = LatencyDetector.relaxed(base, base);
        Duration second = LatencyDetector.relaxed(first, base);
        Duration third = LatencyDetector.relaxed(second, base);

        assertThat(first).isEqualTo(Duration.ofMillis(24000));
        assertThat(second).isEqualTo(Duration.ofMillis(32000)); // 36000 capped
        assertThat(third).isEqualTo(Duration.ofMillis(32000));
        assertThat(LatencyDetector.canRelax(base, base)).isTrue();
        assertThat(LatencyDetector.canRelax(first, base)).isTrue();
        assertThat(LatencyDetector.canRelax(second, base)).isFalse();
        assertThat(LatencyDetector.relaxCap(base)).isEqualTo(Duration.ofMillis(32000));
    }

    @Test
    void relaxingNeverLowersAThresholdAboveTheCap() {
        Duration base = Duration.ofMillis(1000);
        assertThat(LatencyDetector.relaxed(Duration.ofMillis(5000), base)).isEqualTo(Duration.ofMillis(5000));
        assertThat(LatencyDetector.canRelax(Duration.ofMillis(5000), base)).isFalse();
    }
}
