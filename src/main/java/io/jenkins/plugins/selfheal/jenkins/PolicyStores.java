package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Job;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.File;
import java.time.Clock;
import java.util.Random;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Where a job's policy lives ({@code <job dir>/self-heal/policy.json}) and the service bound to it. */
final class PolicyStores {
    private static final Logger LOGGER = Logger.getLogger(PolicyStores.class.getName());

    private PolicyStores() {
    }

    static PolicyStore forJob(Job<?, ?> job) {
        File file = new File(new File(job.getRootDir(), "self-heal"), "policy.json");
        return new PolicyStore(file.toPath(), job.getFullName(), Clock.systemUTC(),
                warning -> LOGGER.log(Level.WARNING, "Self-Heal policy of {0}: {1}", new Object[] {job.getFullName(), warning}));
    }

    /** The job's service with the global learning settings. */
    static HealService service(Job<?, ?> job, String planner, int maxHeals, Consumer<String> progress) {
        SelfHealGlobalConfiguration config = SelfHealGlobalConfiguration.get();
        LearningParameters parameters = new LearningParameters(config.getAlpha(), config.getEpsilon(), config.getGamma());
        RewardPolicy rewards = new RewardPolicy(config.getRewardAcceptedHealed(), config.getRewardAcceptedNotHealed(),
                config.getRewardRejected(), config.getRewardNoFeedbackHealed(), config.getRewardNoFeedbackNotHealed());
        return new HealService(forJob(job), new HealService.Settings(planner, parameters, rewards, maxHeals,
                config.isRecommendOnly()), Clock.systemUTC(), new Random(), progress);
    }
}
