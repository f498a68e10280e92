package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.loop.ConfiguredTarget;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StepSummaryTest {
    private static final TestClock CLOCK = TestClock.at("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void summaryIsWhatTheStepReturns() throws Exception {
        PolicyStore store = new PolicyStore(dir.resolve("policy.json"), "job", CLOCK, w -> { });
        HealResult healthy = new HealService(store, new HealService.Settings(PlannerKind.RL, LearningParameters.DEFAULTS, 2,
                false), CLOCK, new Random(3), line -> { }).heal(ConfiguredTarget.builder(
                DeploymentResult.success(Duration.ZERO)).build());
        Episode entry = new EpisodeLearner(store, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, CLOCK).learn(
                Episode.pending(healthy, "b3", null, CLOCK.instant()), Feedback.none("healthy"), "Self-Heal");

        assertThat(StepSummary.returnValue(entry)).containsExactly(Map.entry("state", "no_failure_UP"), Map.entry("action", ""),
                Map.entry("outcome", "healthy"), Map.entry("feedback", "none"), Map.entry("reward", 0.0));
    }
}
