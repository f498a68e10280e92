package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.Planner;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RandomPlanner;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.loop.HealingLoop;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedReviewer;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Section 3: episodes until the greedy policy is the intended one in every simulator state and stays
 * so for {@value #STABLE} episodes; in memory, stochastic outcomes, a reviewer wrong 10 % of the time.
 */
final class LearningBench {
    static final int STABLE = 100;
    static final int CAP = 20_000;

    /** One way of learning: settings, rewards, and whether the random planner acts. */
    record Contender(String name, LearningParameters parameters, RewardPolicy rewards, boolean randomPlanner) {
    }

    static final List<Contender> CONTENDERS = List.of(
            new Contender("seed settings (SEED params + rewards)", LearningParameters.SEED, RewardPolicy.SEED, false),
            new Contender("our defaults (DEFAULTS params + rewards)", LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, false),
            new Contender("random planner (DEFAULTS learner)", LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, true));

    private final Settings settings;

    LearningBench(Settings settings) {
        this.settings = settings;
    }

    /** The reviewer's error rate of the headline table, and of the second (a reviewer never wrong). */
    static final double REVIEWER_ERROR = 0.1;
    static final double REVIEWER_EXACT = 0.0;

    /** Medians of one table: the seed settings' and our defaults'. */
    private record Medians(double seed, double defaults) {
    }

    String run() throws IOException, InterruptedException {
        StringBuilder table = new StringBuilder();
        Medians headline = table(table, REVIEWER_ERROR);
        table.append("\nThe same with a reviewer who is never wrong (`SimulatedReviewer(0, random)`, same seeds):\n\n");
        Medians exact = table(table, REVIEWER_EXACT);
        return table + "\nMedian over " + settings.seeds() + " seeds; an episode = one injected failure (uniform over the "
                + SimulatedEnvironment.SCENARIOS.size() + " simulator states), one action (`HealingLoop`, maxHeals 1), "
                + "outcome drawn from `SuccessTable.DEFAULT`, verdict from `SimulatedReviewer(" + REVIEWER_ERROR + ", random)`, Q-update by "
                + "`QLearner`. Counted: the first episode after which the greedy policy (each contender's tie-break and "
                + "initial values) is the intended one in every state and stays so for " + STABLE + " episodes; runs capped at " + CAP + ".\n\n"
                + "- Goal our defaults need ≤ ⅓ of the seed settings' episodes: " + Stats.met(headline.defaults() * 3 <= headline.seed())
                + " (" + Stats.ratio(headline.defaults() / headline.seed()) + "; with a reviewer never wrong "
                + Stats.ratio(exact.defaults() / exact.seed()) + ")\n";
    }

    private Medians table(StringBuilder table, double reviewerError) throws IOException, InterruptedException {
        table.append("| contender | median episodes | p25 / p75 | converged seeds | vs seed settings |\n"
                + "|---|---|---|---|---|\n");
        double seedMedian = Double.NaN;
        double defaultsMedian = Double.NaN;
        for (Contender contender : CONTENDERS) {
            int[] episodes = new int[settings.seeds()];
            int converged = 0;
            for (int seed = 0; seed < episodes.length; seed++) {
                episodes[seed] = episodesToLearn(contender, seed, settings.smoke() ? 300 : CAP, reviewerError);
                converged += episodes[seed] < CAP ? 1 : 0;
            }
            Arrays.sort(episodes);
            double median = episodes.length % 2 == 1 ? episodes[episodes.length / 2]
                    : (episodes[episodes.length / 2 - 1] + episodes[episodes.length / 2]) / 2.0;
            if (contender == CONTENDERS.get(0)) {
                seedMedian = median;
            } else if (contender == CONTENDERS.get(1)) {
                defaultsMedian = median;
            }
            table.append("| ").append(contender.name()).append(" | ").append(median >= CAP ? "> " + CAP : String.valueOf(median))
                    .append(" | ").append(episodes[episodes.length / 4]).append(" / ").append(episodes[episodes.length * 3 / 4])
                    .append(" | ").append(converged).append(" of ").append(episodes.length)
                    .append(" | ").append(Stats.ratio(median / seedMedian)).append(" |\n");
        }
        return new Medians(seedMedian, defaultsMedian);
    }

    static int episodesToLearn(Contender contender, long seed, int cap, double reviewerError) throws IOException, InterruptedException {
        Random random = new Random(seed);
        QTable table = new QTable();
        Planner planner = contender.randomPlanner() ? new RandomPlanner(table, random)
                : new QLearningPlanner(table, contender.parameters(), random, false);
        QLearner learner = new QLearner(contender.parameters(), contender.rewards());
        SimulatedReviewer reviewer = new SimulatedReviewer(reviewerError, random);
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        HealingLoop loop = new HealingLoop(planner, 1, clock, line -> { });
        List<ActionKind> all = List.of(ActionKind.values());
        int streakStart = -1;
        for (int episode = 1; episode <= cap; episode++) {
            SimulatedEnvironment environment = new SimulatedEnvironment(SimulatedEnvironment.Scenario.random(random),
                    SuccessTable.DEFAULT, random);
            HealResult result = loop.run(environment, "bench");
            Feedback feedback = reviewer.review(result);
            learner.learn(table, result.steps(), feedback, clock.instant());
            boolean intended = SimulatedEnvironment.SCENARIOS.stream()
                    .allMatch(s -> QLearningPlanner.greedy(table, contender.parameters(), s.state(), all)
                            == SuccessTable.intended(s.failure()));
            if (!intended) {
                streakStart = -1;
            } else if (streakStart < 0) {
                streakStart = episode;
            } else if (episode - streakStart >= STABLE) {
                return streakStart;
            }
        }
        return CAP;
    }
}
