package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Job;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.eval.Estimate;
import io.jenkins.plugins.selfheal.engine.eval.Evaluation;
import io.jenkins.plugins.selfheal.engine.eval.OffPolicyEvaluator;
import io.jenkins.plugins.selfheal.engine.eval.Relearning;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job's offline evaluation ({@code …/self-heal-autonomy/evaluation/}): what the job's own episode log says
 * about the policy learned with the global defaults and with the job's settings, as the CLI's {@code evaluate}
 * computes it. Read-only, so a GET page; computed when opened and kept per job while the log and the global
 * defaults are unchanged, over the newest {@link #MAX_EPISODES} episodes so a long history stays cheap.
 */
public final class JobEvaluation {
    static final int MAX_EPISODES = 5_000;
    private static final int RESAMPLES = 1_000;
    private static final Logger LOGGER = Logger.getLogger(JobEvaluation.class.getName());
    /** Per policy file: the last result and what it was computed from. */
    private static final ConcurrentHashMap<Path, Cached> CACHE = new ConcurrentHashMap<>();

    private final Job<?, ?> job;

    JobEvaluation(Job<?, ?> job) {
        this.job = job;
    }

    /** Forgets the evaluations of policy files {@code gone} matches (a deleted or moved job's). */
    static void forget(java.util.function.Predicate<Path> gone) {
        CACHE.keySet().removeIf(gone);
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getMaxEpisodesText() {
        return String.format(Locale.ROOT, "%,d", MAX_EPISODES);
    }

    /** The evaluation, from the cache when neither the log nor the global defaults changed since it was computed. */
    public Result getResult() {
        PolicyStore store = JobPolicy.store(job);
        SelfHealGlobalConfiguration config = SelfHealGlobalConfiguration.get();
        Defaults defaults = new Defaults(config.getAlpha(), config.getEpsilon(), config.getGamma());
        try {
            PolicyStore.Fingerprint fingerprint = store.fingerprint(); // before reading: a later write invalidates
            Cached cached = CACHE.get(store.policyFile());
            if (cached != null && cached.fingerprint().equals(fingerprint) && cached.defaults().equals(defaults)) {
                return cached.result();
            }
            Result result = compute(store, defaults);
            CACHE.put(store.policyFile(), new Cached(fingerprint, defaults, result));
            return result;
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Self-Heal offline evaluation of " + job.getFullName(), e);
            return Result.problem("The episode log of this job could not be read: " + e.getMessage());
        }
    }

    private static Result compute(PolicyStore store, Defaults defaults) throws IOException {
        Policy policy = store.read();
        PolicyStore.EpisodeWindow window = store.newestEpisodes(MAX_EPISODES);
        List<Episode> episodes = window.episodes();
        LearningParameters own = policy.parameters();
        LearningParameters global = Relearning.withSettings(own, defaults.alpha(), defaults.epsilon(), defaults.gamma());
        OffPolicyEvaluator evaluator = new OffPolicyEvaluator(RESAMPLES, 0.95);
        List<Side> sides = new ArrayList<>();
        for (Candidate c : List.of(new Candidate("global", "The global defaults", global),
                new Candidate("job", "The job's settings", own))) {
            Evaluation evaluation = evaluator.evaluate(episodes,
                    Relearning.candidate(episodes, c.parameters(), policy.rewards()), new Random(1));
            sides.add(Side.of(c, evaluation));
        }
        boolean usable = sides.stream().anyMatch(s -> s.used() > 0);
        return new Result("", window.total(), episodes.size(), usable, sides);
    }

    private record Defaults(double alpha, double epsilon, double gamma) {
    }

    private record Cached(PolicyStore.Fingerprint fingerprint, Defaults defaults, Result result) {
    }

    private record Candidate(String id, String title, LearningParameters parameters) {
    }

    /**
     * What the page shows. {@code problem} is one line when the log could not be read (then nothing else
     * counts); {@code usable} is false when no evaluated episode has a recorded probability.
     */
    public record Result(String problem, long total, int evaluated, boolean usable, List<Side> sides) {
        static Result problem(String line) {
            return new Result(line, 0, 0, false, List.of());
        }

        public boolean isWindowed() {
            return total > evaluated;
        }
    }

    /** One candidate: its settings and its rows (per state, then overall). */
    public record Side(String id, String title, String settings, int used, int healthy, int withoutProbability,
                       List<Row> rows) {
        static Side of(Candidate candidate, Evaluation evaluation) {
            LearningParameters p = candidate.parameters();
            List<Row> rows = new ArrayList<>();
            evaluation.perState().forEach((state, m) -> rows.add(Row.of(state, m)));
            rows.add(Row.of("overall", evaluation.overall()));
            return new Side(candidate.id(), candidate.title(),
                    String.format(Locale.ROOT, "α=%s, ε=%s, γ=%s", p.alpha(), p.epsilon(), p.gamma()),
                    evaluation.overall().used(), evaluation.healthy(), evaluation.withoutProbability(), List.copyOf(rows));
        }
    }

    /** One group of episodes as text: recorded means and the candidate's estimates with their 95% intervals. */
    public record Row(String state, int episodes, int used, String effectiveSize, String recordedReward, String reward,
                      String recordedHealRate, String healRate, String recordedMttr, String mttr) {
        static Row of(String state, Evaluation.Metrics m) {
            return new Row(state, m.episodes(), m.used(), String.format(Locale.ROOT, "%.1f", m.effectiveSize()),
                    number(m.recordedReward()), estimate(m.reward(), 1), number(m.recordedHealRate()),
                    estimate(m.healRate(), 1),
                    m.recordedMttrMs().map(v -> String.format(Locale.ROOT, "%.1f", v / 1000)).orElse("–"),
                    estimate(m.mttrMs(), 1000));
        }

        private static String number(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }

        private static String estimate(Optional<Estimate> estimate, double scale) {
            return estimate.map(e -> e.scaled(scale).format(scale == 1 ? "%.2f" : "%.1f")).orElse("n/a");
        }
    }
}
