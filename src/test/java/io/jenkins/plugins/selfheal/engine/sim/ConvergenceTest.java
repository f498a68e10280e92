package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.loop.HealingLoop;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator teaches the default learner the author's intended policy. */
class ConvergenceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private QTable train(long seed, int episodes) throws Exception {
        return train(seed, episodes, LearningParameters.DEFAULTS);
    }

    private QTable train(long seed, int episodes, LearningParameters parameters) throws Exception {
        QTable table = new QTable();
        Random random = new Random(seed);
        QLearningPlanner planner = new QLearningPlanner(table, parameters, new Random(seed + 1), false);
        HealingLoop loop = new HealingLoop(planner, 3, clock, line -> { });
        QLearner learner = new QLearner(parameters, RewardPolicy.DEFAULTS);
        SimulatedReviewer reviewer = new SimulatedReviewer(0, new Random(seed + 2));
        for (int i = 0; i < episodes; i++) {
            SimulatedEnvironment env = new SimulatedEnvironment(Scenario.random(random), SuccessTable.DEFAULT, random);
            HealResult result = loop.run(env, "g");
            Feedback feedback = reviewer.review(result);
            learner.learn(table, result.steps(), feedback, clock.instant());
        }
        return table;
    }

    @Test
    void fiveHundredEpisodesLearnTheIntendedActionInEveryState() throws Exception {
        QTable table = train(20240501L, 500);
        QLearningPlanner greedy = new QLearningPlanner(table, LearningParameters.DEFAULTS.withEpsilon(0), new Random(0), false);

        assertThat(table.totalVisits()).isGreaterThanOrEqualTo(500);
        for (Scenario scenario : SimulatedEnvironment.SCENARIOS) {
            ActionKind best = greedy.greedy(scenario.state(), Arrays.asList(ActionKind.values()));
            assertThat(best).as("greedy action in %s; row %s", scenario.state(), table.row(scenario.state()))
                    .isEqualTo(SuccessTable.intended(scenario.failure()));
            assertThat(table.value(scenario.state(), best)).isPositive();
        }
    }

    @Test
    void trainingIsReproducibleFromTheSeed() throws Exception {
        assertThat(train(7, 200)).isEqualTo(train(7, 200));
    }

    /** Episodes until the greedy policy (with the parameters' initial values) is the intended one in every state. */
    private int episodesUntilIntended(long seed, LearningParameters parameters) throws Exception {
        QLearningPlanner greedyAfter = null;
        for (int episodes = 1; episodes <= 500; episodes++) {
            QTable table = train(seed, episodes, parameters);
            greedyAfter = new QLearningPlanner(table, parameters.withEpsilon(0), new Random(0), false);
            QLearningPlanner greedy = greedyAfter;
            if (SimulatedEnvironment.SCENARIOS.stream().allMatch(s -> greedy.greedy(s.state(), Arrays.asList(ActionKind.values()))
                    == SuccessTable.intended(s.failure()))) {
                return episodes;
            }
        }
        return 501;
    }

    @Test
    void siblingPriorsLearnTheIntendedPolicyInFewerEpisodesThanZeros() throws Exception {
        int zero = 0;
        int siblings = 0;
        // the classic learner: the evidence learner shares within a failure live, whatever the initial row
        LearningParameters classic = LearningParameters.DEFAULTS.withLearner(LearningParameters.Learner.CLASSIC);
        for (long seed = 1; seed <= 10; seed++) {
            zero += episodesUntilIntended(seed, classic.withInitialValues(LearningParameters.InitialValues.ZERO));
            siblings += episodesUntilIntended(seed, classic);
        }
        assertThat(siblings).as("episodes over 10 seeds: siblings %d, zeros %d", siblings, zero).isLessThan(zero);
    }

    @Test
    void anUnseenDownStateFollowsItsLearnedUpSibling() throws Exception {
        QTable table = new QTable();
        QLearner learner = new QLearner(LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS);
        SimulatedReviewer reviewer = new SimulatedReviewer(0, new Random(3));
        QLearningPlanner planner = new QLearningPlanner(table, LearningParameters.DEFAULTS.withEpsilon(0), new Random(3), false);
        HealingLoop loop = new HealingLoop(planner, 1, clock, line -> { });
        Scenario up = new Scenario(io.jenkins.plugins.selfheal.engine.detect.Finding.ANOMALY_PREFIX + "score",
                io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus.UP);
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            HealResult result = loop.run(new SimulatedEnvironment(up, SuccessTable.DEFAULT, random), "g");
            learner.learn(table, result.steps(), reviewer.review(result), clock.instant());
        }
        String down = "anomaly_score_DOWN";

        assertThat(table.hasState(down)).isFalse();
        assertThat(planner.greedy(down, Arrays.asList(ActionKind.values()))).isEqualTo(ActionKind.RESTORE_PREVIOUS_VERSION);
        assertThat(new QLearningPlanner(table, LearningParameters.SEED.withEpsilon(0), new Random(0), false)
                .greedy(down, Arrays.asList(ActionKind.values()))).isEqualTo(ActionKind.RETRY_DEPLOYMENT);
    }
}
