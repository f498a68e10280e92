package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentInspectorTest {
    private final FakeTarget target = new FakeTarget(TestClock.at("2024-05-01T10:00:00Z"));
    private final DeploymentInspector observer = new DeploymentInspector();

    private Observation inspect() throws IOException, InterruptedException {
        return observer.inspect(target);
    }

    @Test
    void healthyDeploymentIsNoFailureUp() throws Exception {
        Observation o = inspect();
        assertThat(o.healthy()).isTrue();
        assertThat(o.state()).isEqualTo("no_failure_UP");
        assertThat(o.failure()).isEqualTo(Finding.NO_FAILURE);
        assertThat(o.reason()).contains("no problem found", "HTTP 200 in 150 ms");
    }

    @Test
    void dataAnomalyBeatsCrashDownAndLatency() throws Exception {
        target.crash();
        target.uptime = FakeTarget.down();
        target.data = Optional.of(Finding.anomaly("score", "mean score 15 below 40"));
        Observation o = inspect();
        assertThat(o.state()).isEqualTo("anomaly_score_DOWN");
        assertThat(o.reason()).isEqualTo("mean score 15 below 40");

        target.uptime = FakeTarget.slow();
        assertThat(inspect().state()).isEqualTo("anomaly_score_UP");
    }

    @Test
    void crashBeatsDownAndLatency() throws Exception {
        target.crash();
        target.uptime = FakeTarget.down();
        Observation o = inspect();
        assertThat(o.state()).isEqualTo("deployment_failure_DOWN");
        assertThat(o.reason()).contains("exit code 1", "boom");

        target.uptime = FakeTarget.slow();
        assertThat(inspect().state()).isEqualTo("deployment_failure_UP");
    }

    @Test
    void crashWithTheServiceStillUpIsSuffixedWithTheStatusMeasuredNow() throws Exception {
        target.crash();
        assertThat(inspect().state()).isEqualTo("deployment_failure_UP");
    }

    @Test
    void serviceDownAfterASuccessfulDeploymentIsADeploymentFailure() throws Exception {
        target.uptime = FakeTarget.down();
        Observation o = inspect();
        assertThat(o.state()).isEqualTo("deployment_failure_DOWN");
        assertThat(o.reason()).contains("DOWN after the deployment", "connection refused");
    }

    @Test
    void latencyAboveTheCurrentThresholdIsALatencyIssue() throws Exception {
        target.uptime = FakeTarget.slow();
        Observation o = inspect();
        assertThat(o.state()).isEqualTo("latency_issue_UP");
        assertThat(o.reason()).contains("20000 ms", "16000 ms");

        target.threshold = Duration.ofSeconds(24); // relaxed by adjust_thresholds
        assertThat(inspect().healthy()).isTrue();
    }
}
