package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.sim.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The step's parameters: defaults for {@code selfHeal(planner: 'rl') {…}} alone, and a clear message per field. */
class HealParametersTest {
    private static HealParameters with(String planner, String healthUrl, long threshold, String dataset, String rules,
                                       int maxHeals, String feedback, int timeout, String simulate) {
        return new HealParameters(planner, healthUrl, threshold, dataset, rules, null, null, null, maxHeals, feedback,
                timeout, simulate);
    }

    @Test
    void defaultsNeedNothingButThePlanner() {
        HealParameters p = with("rl", null, HealParameters.DEFAULT_LATENCY_THRESHOLD_MS, null, null, 1, null, 60, null);

        assertThat(p.planner()).isEqualTo(PlannerKind.RL);
        assertThat(p.feedback()).isEqualTo(FeedbackMode.WAIT);
        assertThat(p.healthUrlValue()).isEmpty();
        assertThat(p.datasetPath()).isEmpty();
        assertThat(p.injectedFault()).isEmpty();
        assertThat(p.latencyThreshold()).isEqualTo(Duration.ofMillis(16000));
        assertThat(p.feedbackTimeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void valuesAreNormalised() {
        HealParameters p = with(" Random ", " https://staging.example.com/health ", 2000, "data/scores.csv", "student_scores", 2,
                "ASYNC", 5, "Crash");

        assertThat(p.planner()).isEqualTo(PlannerKind.RANDOM);
        assertThat(p.feedback()).isEqualTo(FeedbackMode.ASYNC);
        assertThat(p.healthUrlValue()).contains("https://staging.example.com/health");
        assertThat(p.injectedFault()).contains(FailureKind.CRASH);
    }

    @Test
    void everyBadValueNamesItsField() {
        assertThatThrownBy(() -> with("smart", null, 1, null, null, 1, null, 1, null)).hasMessageStartingWith("planner:");
        assertThatThrownBy(() -> with("rl", "ftp://x", 1, null, null, 1, null, 1, null)).hasMessageContaining("healthUrl");
        assertThatThrownBy(() -> with("rl", null, 0, null, null, 1, null, 1, null)).hasMessageStartingWith("latencyThresholdMs:");
        assertThatThrownBy(() -> with("rl", null, 1, null, null, 0, null, 1, null)).hasMessageStartingWith("maxHeals:");
        assertThatThrownBy(() -> with("rl", null, 1, null, null, 11, null, 1, null)).hasMessageStartingWith("maxHeals:");
        assertThatThrownBy(() -> with("rl", null, 1, null, null, 1, "later", 1, null)).hasMessageStartingWith("feedback:");
        assertThatThrownBy(() -> with("rl", null, 1, null, null, 1, null, 0, null)).hasMessageStartingWith("feedbackTimeoutMinutes:");
        assertThatThrownBy(() -> with("rl", null, 1, null, null, 1, null, 1, "flood")).hasMessageStartingWith("simulate:");
        assertThatThrownBy(() -> with("rl", null, 1, null, "student_scores", 1, null, 1, null)).hasMessageStartingWith("rules:");
    }

    @Test
    void aHealthUrlIsCheckedByParsingWithoutAnHttpClient() {
        // every java.net.http.HttpClient starts a thread "HttpClient-<n>-SelectorManager" at once
        Set<String> before = selectorThreads();
        for (int i = 0; i < 20; i++) {
            with("rl", "https://staging.example.com/health", 2000, null, null, 1, "wait", 60, null);
        }
        assertThat(selectorThreads()).isSubsetOf(before);
        assertThatThrownBy(() -> with("rl", "ftp://example.com/", 2000, null, null, 1, "wait", 60, null))
                .hasMessageStartingWith("healthUrl must start with http:// or https://");
    }

    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("HttpClient-") && n.endsWith("-SelectorManager")).collect(Collectors.toSet());
    }
}
