package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.Planner;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RandomPlanner;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The healing loop bound to one policy store: what a Jenkins step or post-build step calls.
 * {@link #heal} decides and acts with the policy as it is now; {@link #learn} applies feedback,
 * which may come much later.
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

    /** How a job heals: planner ({@code rl} or {@code random}), learning settings, limits, kill switch. */
    public record Settings(String planner, LearningParameters parameters, RewardPolicy rewards, int maxHeals,
                           boolean recommendOnly) {
        public Settings {
            planner = planner == null || planner.isBlank() ? "rl" : planner.trim().toLowerCase(Locale.ROOT);
            if (!planner.equals("rl") && !planner.equals("random")) {
                throw new IllegalArgumentException("planner: expected 'rl' or 'random', got '" + planner + "'");
            }
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
        Policy policy = store.read();
        return new HealingLoop(planner(policy.table().copy()), settings.maxHeals(), clock, progress)
                .recommendOnly(settings.recommendOnly())
                .run(target, policy.generation());
    }

    /** Learns from a heal decided on now (the CLI); a build page keeps a draft and calls the other form. */
    public LogEntry.EpisodeEntry learn(HealResult result, Feedback feedback, EpisodeLearner.Context context) throws IOException {
        return new EpisodeLearner(store, settings.parameters(), settings.rewards(), clock).learn(result, feedback, context);
    }

    public LogEntry.EpisodeEntry learn(LogEntry.EpisodeEntry draft, Feedback feedback, String decidedBy) throws IOException {
        return new EpisodeLearner(store, settings.parameters(), settings.rewards(), clock).learn(draft, feedback, decidedBy);
    }

    private Planner planner(QTable table) {
        return settings.planner().equals("random") ? new RandomPlanner(table, random)
                : new QLearningPlanner(table, settings.parameters(), random, training);
    }

    /**
     * What a step returns: state, action, outcome, feedback and reward ({@code feedback} is
     * {@code pending} until someone decides; action is empty when healthy).
     */
    public static Map<String, Object> summary(LogEntry.EpisodeEntry entry) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("state", entry.state());
        summary.put("action", entry.steps().isEmpty() ? "" : entry.steps().get(entry.steps().size() - 1).action());
        summary.put("outcome", entry.outcome());
        summary.put("feedback", entry.feedback());
        summary.put("reward", entry.reward());
        return summary;
    }
}
