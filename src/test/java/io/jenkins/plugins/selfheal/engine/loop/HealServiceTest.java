package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.sim.FailureKind;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.CommandResult;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.sim.InjectedFault;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service a Jenkins step calls: settings, kill switch, thresholds kept per policy, injected faults. */
class HealServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private PolicyStore store() {
        return new PolicyStore(dir.resolve("policy.json"), "job", CLOCK, w -> { });
    }

    private HealService service(boolean recommendOnly, List<String> log) {
        return new HealService(store(), new HealService.Settings(PlannerKind.RL, LearningParameters.DEFAULTS.withEpsilon(0),
                2, recommendOnly), CLOCK, new Random(3), log::add);
    }

    private EpisodeLearner learner() {
        return new EpisodeLearner(store(), LearningParameters.DEFAULTS.withEpsilon(0), RewardPolicy.DEFAULTS, CLOCK);
    }

    @Test
    void settingsNameTheFieldInTheirMessages() {
        assertThatThrownBy(() -> PlannerKind.parse("greedy"))
                .hasMessage("planner: expected 'rl' or 'random', got 'greedy'");
        assertThatThrownBy(() -> new HealService.Settings(PlannerKind.RL, LearningParameters.DEFAULTS, 0, false))
                .hasMessageStartingWith("maxHeals:");
        assertThatThrownBy(() -> new HealService.Settings(PlannerKind.RL, LearningParameters.DEFAULTS,
                HealService.MAX_HEALS_LIMIT + 1, false)).hasMessage("maxHeals: must be between 1 and 10, was 11");
    }

    @Test
    void recommendOnlyRunsNoActionAndLearnsNothingWithoutAVerdict() throws Exception {
        List<String> ran = new ArrayList<>();
        ConfiguredTarget target = ConfiguredTarget.builder(DeploymentResult.failure(2, "down", Duration.ZERO))
                .commands(c -> {
                    ran.add(c);
                    return new CommandResult(0, Duration.ZERO, "");
                }, "./rollback.sh", null).build();
        List<String> log = new ArrayList<>();

        HealResult result = service(true, log).heal(target);

        assertThat(result.outcome()).isEqualTo(Outcome.RECOMMENDED);
        assertThat(ran).isEmpty();
        assertThat(log).anyMatch(l -> l.contains("recommend-only mode"));
        Episode silent = learner().learn(Episode.pending(result, "b1", null, CLOCK.instant()),
                Feedback.none("timeout"), "timeout");
        assertThat(silent.updates()).isEmpty();
        Episode judged = learner().learn(Episode.pending(result, "b2", null, CLOCK.instant()),
                Feedback.accepted(), "alice");
        assertThat(judged.updates()).hasSize(1);
        assertThat(judged.reward()).isEqualTo(1.0); // accepted, not healed: nothing ran
    }

    @Test
    void aHeldHealRunsNoActionAndSaysWhy() throws Exception {
        List<String> ran = new ArrayList<>();
        ConfiguredTarget target = ConfiguredTarget.builder(DeploymentResult.failure(2, "down", Duration.ZERO))
                .commands(c -> {
                    ran.add(c);
                    return new CommandResult(0, Duration.ZERO, "");
                }, "./rollback.sh", null).build();
        List<String> log = new ArrayList<>();

        HealResult result = service(false, log).heal(target, java.util.Optional.of("shadow mode"));

        assertThat(result.outcome()).isEqualTo(Outcome.RECOMMENDED);
        assertThat(ran).isEmpty();
        assertThat(log).anyMatch(l -> l.matches("shadow mode: \\w+ was not run"));
        assertThat(result.steps()).singleElement().satisfies(step ->
                assertThat(step.outcome().detail()).isEqualTo("not run: shadow mode"));
    }

    @Test
    void aRelaxedThresholdIsKeptForLaterBuilds() throws Exception {
        HealService service = service(false, new ArrayList<>());
        assertThat(service.latencyThreshold(Duration.ofMillis(2000))).isEqualTo(Duration.ofMillis(2000));

        service.thresholdRecorder().accept(Duration.ofMillis(3000));

        assertThat(service(false, new ArrayList<>()).latencyThreshold(Duration.ofMillis(2000))).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void anInjectedCrashIsDetectedAndClearedByTheActionTheTableSaysClearsIt() throws Exception {
        ConfiguredTarget real = ConfiguredTarget.builder(DeploymentResult.success(Duration.ZERO))
                .redeployWith(() -> DeploymentResult.success(Duration.ZERO))
                .probe(() -> UptimeReading.up(List.of(Duration.ofMillis(10)), "ok")).build();
        SuccessTable retryAlwaysWorks = new SuccessTable(Map.of(ActionKind.RETRY_DEPLOYMENT, 1.0), Map.of(), Map.of());
        InjectedFault crash = new InjectedFault(real, FailureKind.CRASH, retryAlwaysWorks, new Random(1));

        HealResult result = service(false, new ArrayList<>()).heal(crash);

        assertThat(result.initial().state()).isEqualTo("deployment_failure_DOWN");
        assertThat(result.initial().reason()).contains("injected crash");
        assertThat(result.outcome()).isEqualTo(Outcome.HEALED);
        assertThat(result.lastStep().orElseThrow().action()).isEqualTo(ActionKind.RETRY_DEPLOYMENT);
    }

    @Test
    void unknownInjectedFailureIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> FailureKind.parse("meteor"))
                .hasMessage("simulate: unknown failure 'meteor'; expected one of crash, latency, anomaly");
    }
}
