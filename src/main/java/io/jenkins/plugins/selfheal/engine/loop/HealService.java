package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.Planner;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RandomPlanner;
import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The healing loop bound to one policy store: what a Jenkins step or post-build step calls to heal,
 * deciding and acting with the policy as it is now. Learning from the verdict, which may come much
 * later, is {@link EpisodeLearner}'s and needs none of these settings.
 */
public final class HealService {
    private final PolicyStore store;
    private final Settings settings;
    private final Clock clock;
    private final Random random;
    private final Consumer<String> progress;
    private boolean training;

    /** The most actions one episode may try, in Jenkins and in the CLI (there are only five actions). */
    public static final int MAX_HEALS_LIMIT = 10;

    /** How a job heals: planner, the planner's learning settings (ε), limits, kill switch. */
    public record Settings(PlannerKind planner, LearningParameters parameters, int maxHeals, boolean recommendOnly) {
        public Settings {
            Objects.requireNonNull(planner, "planner");
            if (maxHeals < 1 || maxHeals > MAX_HEALS_LIMIT) {
                throw new IllegalArgumentException("maxHeals: must be between 1 and " + MAX_HEALS_LIMIT + ", was " + maxHeals);
            }
        }
    }

    public HealService(PolicyStore store, Settings settings, Clock clock, Random random, Consumer<String> progress) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.progress = progress;
    }

    /** Training mode (the CLI's {@code --train}): an action never tried in the state is taken first. */
    public HealService training(boolean on) {
        this.training = on;
        return this;
    }

    /** The latency threshold this job's policy has relaxed to, or {@code base}. */
    public Duration latencyThreshold(Duration base) throws IOException {
        Policy policy = store.read();
        return policy.latencyThresholdMs().isPresent() ? Duration.ofMillis(policy.latencyThresholdMs().getAsLong()) : base;
    }

    /** Saves a relaxed threshold in the policy, for this and later builds. */
    public Consumer<Duration> thresholdRecorder() {
        return threshold -> {
            try {
                store.update(policy -> {
                    policy.setLatencyThresholdMs(threshold.toMillis());
                    return null;
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the relaxed latency threshold", e);
            }
        };
    }

    public HealResult heal(DeploymentTarget target) throws IOException, InterruptedException {
        return heal(target, java.util.Optional.empty());
    }

    /** Heals, or with {@code hold} (shadow mode, a refused heal) only decides and explains, running no action. */
    public HealResult heal(DeploymentTarget target, java.util.Optional<String> hold) throws IOException, InterruptedException {
        Policy policy = store.read();
        HealingLoop loop = new HealingLoop(planner(policy.table().copy()), settings.maxHeals(), clock, progress)
                .recommendOnly(settings.recommendOnly());
        hold.filter(why -> !settings.recommendOnly()).ifPresent(loop::holdActions);
        return loop.run(target, policy.generation());
    }

    private Planner planner(QTable table) {
        return switch (settings.planner()) {
            case RANDOM -> new RandomPlanner(table, random);
            case RL -> new QLearningPlanner(table, settings.parameters(), random, training);
        };
    }
}
