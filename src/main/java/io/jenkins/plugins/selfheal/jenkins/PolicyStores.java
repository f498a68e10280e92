package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
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

    /** The job's healing service with the global learning settings. */
    static HealService service(Job<?, ?> job, PlannerKind planner, int maxHeals, Consumer<String> progress) {
        SelfHealGlobalConfiguration config = SelfHealGlobalConfiguration.get();
        return new HealService(forJob(job), new HealService.Settings(planner, parameters(config), maxHeals,
                config.isRecommendOnly()), Clock.systemUTC(), new Random(), progress);
    }

    /** Learns from verdicts on the job's policy with the global learning settings (no healing settings needed). */
    static EpisodeLearner learner(Job<?, ?> job) {
        SelfHealGlobalConfiguration config = SelfHealGlobalConfiguration.get();
        RewardPolicy rewards = new RewardPolicy(config.getRewardAcceptedHealed(), config.getRewardAcceptedNotHealed(),
                config.getRewardRejected(), config.getRewardNoFeedbackHealed(), config.getRewardNoFeedbackNotHealed());
        return new EpisodeLearner(forJob(job), parameters(config), rewards, Clock.systemUTC());
    }

    private static LearningParameters parameters(SelfHealGlobalConfiguration config) {
        return new LearningParameters(config.getAlpha(), config.getEpsilon(), config.getGamma());
    }
}
