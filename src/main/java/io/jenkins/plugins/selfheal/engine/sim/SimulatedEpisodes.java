package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.eval.OffPolicyEvaluator;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.loop.HealingLoop;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Episodes of a fixed policy (ε-greedy over a table that does not learn meanwhile) in the simulator, as a
 * job's log would record them: to test and measure the estimator against a candidate's true value, which
 * is the mean over many episodes of the candidate itself ({@link #means}).
 */
public final class SimulatedEpisodes {
    private final SuccessTable environment;
    private final double reviewerError;
    private final int maxHeals;

    public SimulatedEpisodes(SuccessTable environment, double reviewerError, int maxHeals) {
        this.environment = environment;
        this.reviewerError = reviewerError;
        this.maxHeals = maxHeals;
    }

    public List<Episode> run(QTable table, LearningParameters parameters, int count, Random random) {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        HealingLoop loop = new HealingLoop(new QLearningPlanner(table, parameters, random, false), maxHeals, clock, line -> { });
        SimulatedReviewer reviewer = new SimulatedReviewer(reviewerError, random, environment, false);
        List<Episode> episodes = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                HealResult heal = loop.run(new SimulatedEnvironment(SimulatedEnvironment.Scenario.random(random), environment,
                        random), "simulated");
                Feedback feedback = reviewer.review(heal);
                double reward = heal.lastStep().map(s -> RewardPolicy.DEFAULTS.forChosenAction(feedback, heal.healed())).orElse(0.0);
                episodes.add(Episode.pending(heal, "sim-" + i, null, clock.instant())
                        .decided(feedback, "simulated reviewer", clock.instant(), reward, List.of()));
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the simulator does no I/O and never waits", e);
        }
        return episodes;
    }

    /** The plain means of a policy's own episodes: reward, heal rate, MTTR of the healed (ms). */
    public static double[] means(List<Episode> episodes) {
        double reward = 0;
        double healed = 0;
        double time = 0;
        int n = 0;
        for (Episode e : episodes) {
            if (e.steps().isEmpty()) {
                continue;
            }
            n++;
            reward += e.reward();
            if (e.outcome() == io.jenkins.plugins.selfheal.engine.episode.Outcome.HEALED) {
                healed++;
                time += OffPolicyEvaluator.timeToHealMs(e);
            }
        }
        return new double[] {reward / n, healed / n, healed == 0 ? Double.NaN : time / healed};
    }
}
