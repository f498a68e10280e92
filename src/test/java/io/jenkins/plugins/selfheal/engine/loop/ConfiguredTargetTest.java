package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.CommandResult;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What a job configures decides which actions exist; each action goes through its port. */
class ConfiguredTargetTest {
    private static final DeploymentResult FAILED = DeploymentResult.failure(1, "boom", Duration.ofSeconds(1));

    @Test
    void onlyEscalateIsAllowedWhenNothingIsConfigured() {
        ConfiguredTarget target = ConfiguredTarget.builder(FAILED).build();

        assertThat(target.actions().keySet()).containsExactly(ActionKind.ESCALATE);
    }

    @Test
    void everyConfiguredPortUnmasksItsAction() {
        ConfiguredTarget target = ConfiguredTarget.builder(FAILED)
                .redeployWith(() -> DeploymentResult.success(Duration.ZERO))
                .commands(c -> new CommandResult(0, Duration.ZERO, ""), "./rollback.sh", "./restart.sh")
                .probe(() -> UptimeReading.up(List.of(Duration.ofMillis(5)), "ok"))
                .build();

        assertThat(target.actions().keySet()).containsExactly(ActionKind.values());
    }

    @Test
    void retryRunsTheDeploymentAgainAndItsResultBecomesTheEvidence() throws Exception {
        AtomicInteger deploys = new AtomicInteger();
        ConfiguredTarget target = ConfiguredTarget.builder(FAILED)
                .redeployWith(() -> {
                    deploys.incrementAndGet();
                    return DeploymentResult.success(Duration.ofMillis(30));
                }).build();

        ActionResult outcome = target.actions().get(ActionKind.RETRY_DEPLOYMENT).execute();

        assertThat(deploys).hasValue(1);
        assertThat(outcome.success()).isTrue();
        assertThat(target.lastDeployment().succeeded()).isTrue();
    }

    @Test
    void rollbackAndRestartRunTheirCommandsAndReportTheExitCode() throws Exception {
        List<String> ran = new ArrayList<>();
        ConfiguredTarget target = ConfiguredTarget.builder(FAILED)
                .commands(c -> {
                    ran.add(c);
                    return new CommandResult(c.contains("restart") ? 3 : 0, Duration.ofMillis(7), "");
                }, "./rollback.sh", "  ./restart.sh ")
                .build();

        assertThat(target.actions().get(ActionKind.RESTORE_PREVIOUS_VERSION).execute().success()).isTrue();
        ActionResult restart = target.actions().get(ActionKind.RESTART_SERVICE).execute();

        assertThat(ran).containsExactly("./rollback.sh", "./restart.sh");
        assertThat(restart.success()).isFalse();
        assertThat(restart.detail()).contains("'./restart.sh' exited with 3");
    }

    @Test
    void adjustingRelaxesTheThresholdWithinItsBoundAndReportsEachChange() throws Exception {
        List<Duration> saved = new ArrayList<>();
        ConfiguredTarget target = ConfiguredTarget.builder(DeploymentResult.success(Duration.ZERO))
                .probe(() -> UptimeReading.up(List.of(Duration.ofMillis(2500)), "slow"))
                .latencyThreshold(Duration.ofMillis(2000), Duration.ofMillis(2000), saved::add)
                .build();

        target.actions().get(ActionKind.ADJUST_THRESHOLDS).execute();
        target.actions().get(ActionKind.ADJUST_THRESHOLDS).execute();

        assertThat(saved).containsExactly(Duration.ofMillis(3000), Duration.ofMillis(4000));
        assertThat(target.latencyThreshold()).isEqualTo(Duration.ofMillis(4000));
        assertThat(target.actions()).doesNotContainKey(ActionKind.ADJUST_THRESHOLDS); // at the bound: masked
    }

    @Test
    void escalatingCallsTheEnvironmentBack() throws Exception {
        AtomicInteger escalations = new AtomicInteger();
        ConfiguredTarget target = ConfiguredTarget.builder(FAILED).onEscalate(escalations::incrementAndGet).build();

        target.actions().get(ActionKind.ESCALATE).execute();

        assertThat(escalations).hasValue(1);
    }

    @Test
    void withoutAHealthCheckTheServiceCountsAsUpAndTheDataCheckIsAsked() throws Exception {
        ConfiguredTarget target = ConfiguredTarget.builder(DeploymentResult.success(Duration.ZERO))
                .data(() -> Optional.of(Finding.anomaly("score", "bad rows"))).build();

        assertThat(target.probe().isUp()).isTrue();
        assertThat(target.probe().latencies()).isEmpty();
        assertThat(target.checkData()).contains(Finding.anomaly("score", "bad rows"));
    }
}
