package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.loop.HealingLoop;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/** Gives feedback on one policy file, as a build page click would: one EpisodeLearner.learn per update. */
final class FeedbackWriter {
    private final EpisodeLearner learner;
    private final HealResult result;

    FeedbackWriter(Path policyFile) throws IOException, InterruptedException {
        PolicyStore store = new PolicyStore(policyFile, "bench", Clock.systemUTC(), warning -> { });
        Policy policy = store.read();
        Random random = new Random();
        HealingLoop loop = new HealingLoop(new QLearningPlanner(new QTable(), LearningParameters.DEFAULTS, random, false),
                1, Clock.systemUTC(), line -> { });
        this.result = loop.run(new SimulatedEnvironment(SimulatedEnvironment.SCENARIOS.get(0), SuccessTable.DEFAULT, random),
                policy.generation());
        this.learner = new EpisodeLearner(store, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, Clock.systemUTC());
    }

    void write(int updates) throws IOException {
        for (int i = 0; i < updates; i++) {
            learner.learn(result, Feedback.accepted(), new EpisodeLearner.Context(UUID.randomUUID().toString(), "bench", null));
        }
    }
}
