package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.episode.Episode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Estimates what a candidate policy would have achieved on the episodes a job recorded, from the recorded
 * probability of each action (the ε-greedy choice that made it): self-normalised importance sampling,
 * Σ w·x / Σ w with w = Π π(a)/μ(a) per episode, which is unbiased as the sample grows and, unlike plain
 * importance sampling, stays within the range of the recorded values when few episodes match the candidate.
 * It normalises within each state and weights the states by how often they occurred (a policy does not
 * change which failures happen), so a few heavy weights in one state do not sway the others. MTTR is a
 * ratio of two such means (time × healed over healed). Intervals are bootstrap percentiles over episodes. Every candidate action must have had a chance under the recorded choice (ε > 0 gives it).
 */
public final class OffPolicyEvaluator {
    private final int resamples;
    private final double confidence;

    public OffPolicyEvaluator(int resamples, double confidence) {
        if (resamples < 10) {
            throw new IllegalArgumentException("resamples must be at least 10, was " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
    }

    /** The time to heal the estimator counts: the recorded one, or without one the time the episode's actions took. */
    public static double timeToHealMs(Episode episode) {
        return EpisodeSample.timeToHealMs(episode);
    }

    public Evaluation evaluate(List<Episode> episodes, TargetPolicy candidate, Random random) {
        List<EpisodeSample> all = new ArrayList<>();
        int healthy = 0;
        for (Episode episode : episodes) {
            Optional<EpisodeSample> sample = EpisodeSample.of(episode, candidate);
            if (sample.isPresent()) {
                all.add(sample.get());
            } else if (episode.steps().isEmpty() && !episode.isPending()) {
                healthy++;
            }
        }
        Map<String, List<EpisodeSample>> byState = new LinkedHashMap<>();
        all.forEach(s -> byState.computeIfAbsent(s.state(), k -> new ArrayList<>()).add(s));
        Map<String, Evaluation.Metrics> perState = new LinkedHashMap<>();
        byState.forEach((state, samples) -> perState.put(state, metrics(samples, random)));
        int without = (int) all.stream().filter(s -> s.weight().isEmpty()).count();
        return new Evaluation(metrics(all, random), perState, healthy, without, confidence);
    }

    private Evaluation.Metrics metrics(List<EpisodeSample> samples, Random random) {
        List<EpisodeSample> used = samples.stream().filter(s -> s.weight().isPresent()).toList();
        int n = used.size();
        Map<String, Integer> strata = new LinkedHashMap<>();
        int[] stratum = new int[n];
        double[] w = new double[n];
        double[] reward = new double[n];
        double[] healed = new double[n];
        double[] time = new double[n];
        for (int i = 0; i < n; i++) {
            EpisodeSample sample = used.get(i);
            stratum[i] = strata.computeIfAbsent(sample.state(), k -> strata.size());
            w[i] = sample.weight().getAsDouble();
            reward[i] = sample.reward();
            healed[i] = sample.healed() ? 1 : 0;
            time[i] = sample.timeToHealMs() * healed[i];
        }
        Sample data = new Sample(stratum, strata.size(), w);
        double sum = Arrays.stream(w).sum();
        double squares = Arrays.stream(w).map(x -> x * x).sum();
        List<EpisodeSample> healedOnes = samples.stream().filter(EpisodeSample::healed).toList();
        return new Evaluation.Metrics(samples.size(), n, squares == 0 ? 0 : sum * sum / squares,
                mean(samples, EpisodeSample::reward), mean(samples, s -> s.healed() ? 1 : 0),
                healedOnes.isEmpty() ? Optional.empty() : Optional.of(mean(healedOnes, EpisodeSample::timeToHealMs)),
                estimate(data, reward, null, random), estimate(data, healed, null, random),
                estimate(data, time, healed, random));
    }

    /** The episodes' states (as stratum numbers) and importance weights. */
    private record Sample(int[] stratum, int strata, double[] w) {
    }

    /** The estimate of x (over d when given, for a ratio such as MTTR) and its bootstrap interval; empty when no weight counts. */
    private Optional<Estimate> estimate(Sample data, double[] x, double[] d, Random random) {
        int n = data.w().length;
        double point = stratified(data, x, d, null);
        if (Double.isNaN(point)) {
            return Optional.empty();
        }
        double[] boot = new double[resamples];
        int[] pick = new int[n];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                pick[i] = random.nextInt(n);
            }
            double value = stratified(data, x, d, pick);
            if (!Double.isNaN(value)) {
                boot[kept++] = value;
            }
        }
        double[] sorted = Arrays.copyOf(boot, kept);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return Optional.of(new Estimate(point, percentile(sorted, tail), percentile(sorted, 1 - tail)));
    }

    /**
     * Self-normalised within each state, the states weighted by how often they occurred (which no policy
     * changes): Σ_s (n_s / n) · Σ_{i in s} w·x / Σ_{i in s} w·d. For a ratio (d given) the states are
     * weighted by their reweighted denominators instead. A state none of whose episodes the candidate could
     * have produced is left out (its share goes to the others).
     */
    private static double stratified(Sample data, double[] x, double[] d, int[] pick) {
        double[] top = new double[data.strata()];
        double[] bottom = new double[data.strata()];
        int[] count = new int[data.strata()];
        for (int k = 0; k < data.w().length; k++) {
            int i = pick == null ? k : pick[k];
            int s = data.stratum()[i];
            top[s] += data.w()[i] * x[i];
            bottom[s] += data.w()[i];
            count[s]++;
        }
        double value = 0;
        double share = 0;
        for (int s = 0; s < data.strata(); s++) {
            if (bottom[s] > 0) {
                value += count[s] * top[s] / bottom[s];
                share += count[s];
            }
        }
        if (d == null) {
            return share > 0 ? value / share : Double.NaN;
        }
        // a ratio of two stratified means: Σ_s n_s E_s[x] / Σ_s n_s E_s[d]
        double denominator = 0;
        double[] dTop = new double[data.strata()];
        for (int k = 0; k < data.w().length; k++) {
            int i = pick == null ? k : pick[k];
            dTop[data.stratum()[i]] += data.w()[i] * d[i];
        }
        for (int s = 0; s < data.strata(); s++) {
            if (bottom[s] > 0) {
                denominator += count[s] * dTop[s] / bottom[s];
            }
        }
        return denominator > 0 ? value / denominator : Double.NaN;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.round(p * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double mean(List<EpisodeSample> samples, ToDoubleFunction<EpisodeSample> value) {
        return samples.stream().mapToDouble(value).average().orElse(Double.NaN);
    }
}
