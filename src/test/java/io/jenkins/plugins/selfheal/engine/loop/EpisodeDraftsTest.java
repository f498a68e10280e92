package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A heal kept as JSON while waiting for a click learns exactly what it would have learned at once. */
class EpisodeDraftsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HealResult twoStepHeal() throws Exception {
        // a table that prefers restart (never fixes) then retry: two steps
        QTable table = new QTable();
        SimulatedEnvironment.Scenario crash = new SimulatedEnvironment.Scenario("deployment_failure", UptimeStatus.DOWN);
        Map<ActionKind, Double> never = Map.of(ActionKind.RESTART_SERVICE, 0.0, ActionKind.RETRY_DEPLOYMENT, 1.0);
        SuccessTable success = new SuccessTable(never, Map.of(), Map.of());
        table.put(crash.state(), ActionKind.RESTART_SERVICE, new QEntry(0.5, 1,
                Optional.empty()));
        table.put(crash.state(), ActionKind.RETRY_DEPLOYMENT, new QEntry(0.4, 1,
                Optional.empty()));
        QLearningPlanner planner = new QLearningPlanner(table, LearningParameters.DEFAULTS.withEpsilon(0), new Random(1), false);
        HealingLoop loop = new HealingLoop(planner, 3, CLOCK, line -> { });
        return loop.run(new SimulatedEnvironment(crash, success, new Random(2)), "initial");
    }

    @Test
    void draftSurvivesJsonAndLearnsTheSameUpdates() throws Exception {
        HealResult result = twoStepHeal();
        assertThat(result.steps()).extracting(s -> s.action()).containsExactly(ActionKind.RESTART_SERVICE, ActionKind.RETRY_DEPLOYMENT);

        Episode draft = Episode.pending(result, "job#1", "job/x/1/", CLOCK.instant());
        String json = PolicyJson.writeEpisode(draft);
        Episode restored = PolicyJson.readEpisode(json, "test");
        assertThat(restored.verdict()).isEqualTo(Verdict.PENDING);

        PolicyStore direct = new PolicyStore(dir.resolve("a.json"), "a", CLOCK, w -> { });
        PolicyStore delayed = new PolicyStore(dir.resolve("b.json"), "b", CLOCK, w -> { });
        Episode now = new EpisodeLearner(direct, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, CLOCK)
                .learn(result, Feedback.accepted(), new EpisodeLearner.Context("job#1", "alice", "job/x/1/"));
        Episode later = new EpisodeLearner(delayed, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, CLOCK)
                .learn(restored, Feedback.accepted(), "alice");

        assertThat(later.updates()).isEqualTo(now.updates()).hasSize(2);
        assertThat(later.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(later.decidedBy()).contains("alice");
        assertThat(later.link()).contains("job/x/1/");
        assertThat(delayed.read().table()).isEqualTo(direct.read().table());
    }

    @Test
    void aDraftDecidedAfterAResetIsRefusedAndChangesNothing() throws Exception {
        PolicyStore store = new PolicyStore(dir.resolve("p.json"), "p", CLOCK, w -> { });
        Episode draft = Episode.pending(twoStepHeal(), "job#2", null, CLOCK.instant());
        store.reset("bob");
        byte[] before = java.nio.file.Files.readAllBytes(store.policyFile());

        EpisodeLearner learner = new EpisodeLearner(store, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, CLOCK);
        assertThatThrownBy(() -> learner.learn(draft, Feedback.rejected(), "alice"))
                .isInstanceOf(StalePolicyException.class)
                .hasMessageContaining("reset or replaced since this decision");
        assertThat(java.nio.file.Files.readAllBytes(store.policyFile())).isEqualTo(before);
    }
}
