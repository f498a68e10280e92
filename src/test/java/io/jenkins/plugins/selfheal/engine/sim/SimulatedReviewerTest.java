package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment.Scenario;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedReviewerTest {
    private static HealAttempt step(String state, ActionKind action, String after) {
        Decision d = new Decision("rl", state, action, Choice.EXPLOIT, 0.1, Map.of(), EnumSet.allOf(ActionKind.class));
        return new HealAttempt(d, ActionResult.failed(Duration.ZERO, ""), after, false, EnumSet.allOf(ActionKind.class));
    }

    private static HealResult result(String failure, String state, HealAttempt... steps) {
        Observation initial = new Observation(Optional.of(new Finding(failure, "r")), UptimeReading.up(List.of(), ""), state);
        return new HealResult("rl", "g", initial, List.of(steps), Outcome.FAILED, Optional.empty());
    }

    private static HealResult oneStep(Scenario scenario, ActionKind action) {
        return result(scenario.failure(), scenario.state(), step(scenario.state(), action, scenario.state()));
    }

    @Test
    void acceptsExactlyTheIntendedActionForEveryScenario() {
        SimulatedReviewer reviewer = new SimulatedReviewer(0, new Random(1));
        for (Scenario scenario : SimulatedEnvironment.SCENARIOS) {
            ActionKind intended = scenario.failure().startsWith("anomaly_") ? ActionKind.RESTORE_PREVIOUS_VERSION
                    : scenario.failure().equals("latency_issue") ? ActionKind.ADJUST_THRESHOLDS : ActionKind.RETRY_DEPLOYMENT;
            for (ActionKind action : ActionKind.values()) {
                Feedback verdict = reviewer.review(oneStep(scenario, action));
                assertThat(verdict).as("%s with %s", scenario, action)
                        .isEqualTo(action == intended ? Feedback.accepted() : Feedback.rejected());
            }
        }
    }

    @Test
    void severalStepsAreJudgedByTheLastStepsState() {
        SimulatedReviewer reviewer = new SimulatedReviewer(0, new Random(1));
        HealResult crashThenLatency = result("deployment_failure", "deployment_failure_DOWN",
                step("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, "latency_issue_UP"),
                step("latency_issue_UP", ActionKind.ADJUST_THRESHOLDS, "latency_issue_UP"));
        assertThat(reviewer.review(crashThenLatency)).isEqualTo(Feedback.accepted());

        HealResult retryOnLatency = result("deployment_failure", "deployment_failure_DOWN",
                step("deployment_failure_DOWN", ActionKind.RESTART_SERVICE, "latency_issue_UP"),
                step("latency_issue_UP", ActionKind.RETRY_DEPLOYMENT, "latency_issue_UP"));
        assertThat(reviewer.review(retryOnLatency)).isEqualTo(Feedback.rejected());
    }

    @Test
    void healthyResultsGetNoVerdict() {
        Observation healthy = new Observation(Optional.empty(), UptimeReading.up(List.of(), ""), "no_failure_UP");
        Feedback f = new SimulatedReviewer(0.5, new Random(1))
                .review(new HealResult("rl", "g", healthy, List.of(), Outcome.HEALTHY, Optional.empty()));
        assertThat(f).isInstanceOf(Feedback.None.class);
    }

    @Test
    void errorRateFlipsVerdictsAtAboutThatRate() {
        SimulatedReviewer reviewer = new SimulatedReviewer(0.2, new Random(123));
        Scenario latency = SimulatedEnvironment.SCENARIOS.get(2);
        int n = 10_000;
        int rejectedRight = 0;
        int acceptedWrong = 0;
        for (int i = 0; i < n; i++) {
            rejectedRight += reviewer.review(oneStep(latency, ActionKind.ADJUST_THRESHOLDS)) instanceof Feedback.Rejected ? 1 : 0;
            acceptedWrong += reviewer.review(oneStep(latency, ActionKind.RETRY_DEPLOYMENT)) instanceof Feedback.Accepted ? 1 : 0;
        }
        assertThat(rejectedRight / (double) n).isBetween(0.18, 0.22);
        assertThat(acceptedWrong / (double) n).isBetween(0.18, 0.22);
    }

    @Test
    void sameSeedSameVerdicts() {
        List<Feedback> a = new ArrayList<>();
        List<Feedback> b = new ArrayList<>();
        SimulatedReviewer first = new SimulatedReviewer(0.5, new Random(9));
        SimulatedReviewer second = new SimulatedReviewer(0.5, new Random(9));
        Scenario crash = SimulatedEnvironment.SCENARIOS.get(0);
        for (int i = 0; i < 100; i++) {
            a.add(first.review(oneStep(crash, ActionKind.RETRY_DEPLOYMENT)));
            b.add(second.review(oneStep(crash, ActionKind.RETRY_DEPLOYMENT)));
        }
        assertThat(a).isEqualTo(b).contains(Feedback.accepted(), Feedback.rejected());
    }

    @Test
    void errorRateOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new SimulatedReviewer(-0.1, new Random(1))).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> new SimulatedReviewer(1.5, new Random(1))).hasMessageContaining("errorRate");
    }
}
