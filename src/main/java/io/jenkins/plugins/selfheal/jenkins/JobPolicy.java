package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import hudson.model.Job;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a job's policy lives ({@code <job dir>/self-heal/policy.json}), its one store, and the healing
 * and learning bound to it.
 */
final class JobPolicy {
    private static final Logger LOGGER = Logger.getLogger(JobPolicy.class.getName());
    /**
     * One store per policy file, so the store's remembered policy serves the next build, page and
     * decision instead of a fresh parse each time. A renamed or moved job has a new path, so a new store.
     */
    private static final ConcurrentHashMap<Path, PolicyStore> STORES = new ConcurrentHashMap<>();

    private JobPolicy() {
    }

    static PolicyStore store(Job<?, ?> job) {
        Path file = new File(new File(job.getRootDir(), "self-heal"), "policy.json").toPath().toAbsolutePath().normalize();
        String name = job.getFullName();
        return STORES.computeIfAbsent(file, f -> new PolicyStore(f, name, Clock.systemUTC(),
                warning -> LOGGER.log(Level.WARNING, "Self-Heal policy of {0}: {1}", new Object[] {name, warning})));
    }

    /** Forgets the stores of policy files {@code gone} matches (a deleted or moved job's). */
    static void forget(java.util.function.Predicate<Path> gone) {
        STORES.keySet().removeIf(gone);
    }

    /** The job's healing service with the global learning settings. */
    static HealService healing(Job<?, ?> job, PlannerKind planner, int maxHeals, Consumer<String> progress) {
        SelfHealGlobalConfiguration config = SelfHealGlobalConfiguration.get();
        return new HealService(store(job), new HealService.Settings(planner, parameters(config), maxHeals,
                config.isRecommendOnly()), Clock.systemUTC(), new Random(), progress);
    }

    /** Learns from verdicts on the job's policy with the global learning settings (no healing settings needed). */
    static EpisodeLearner learner(Job<?, ?> job) {
        SelfHealGlobalConfiguration config = SelfHealGlobalConfiguration.get();
        RewardPolicy rewards = new RewardPolicy(config.getRewardAcceptedHealed(), config.getRewardAcceptedNotHealed(),
                config.getRewardRejected(), config.getRewardNoFeedbackHealed(), config.getRewardNoFeedbackNotHealed());
        return new EpisodeLearner(store(job), parameters(config), rewards, Clock.systemUTC());
    }

    private static LearningParameters parameters(SelfHealGlobalConfiguration config) {
        return new LearningParameters(config.getAlpha(), config.getEpsilon(), config.getGamma());
    }
}
