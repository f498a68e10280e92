package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.eval.Estimate;
import io.jenkins.plugins.selfheal.engine.eval.Evaluation;
import io.jenkins.plugins.selfheal.engine.eval.OffPolicyEvaluator;
import io.jenkins.plugins.selfheal.engine.eval.Relearning;
import io.jenkins.plugins.selfheal.engine.eval.TargetPolicy;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code evaluate --policy FILE (--candidate OTHER.json | --alpha/--epsilon/--gamma)}: how a candidate would
 * have done on the policy's recorded episodes (see {@link OffPolicyEvaluator}); read-only.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimate from a policy's recorded episodes how another policy, or the same episodes learned with "
                + "other settings, would have done: expected reward, heal rate and MTTR per state and overall, with "
                + "confidence intervals, against what was recorded. Nothing changes."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "Policy whose episode log is replayed.")
    Path policy;

    @Option(names = "--candidate", paramLabel = "OTHER.json", description = "A policy file (the export format) to evaluate.")
    Path candidate;

    @Option(names = "--alpha", paramLabel = "A", description = "Candidate: learn the recorded episodes with this learning rate.")
    Double alpha;

    @Option(names = "--epsilon", paramLabel = "E", description = "Candidate: this exploration rate.")
    Double epsilon;

    @Option(names = "--gamma", paramLabel = "G", description = "Candidate: learn the recorded episodes with this discount.")
    Double gamma;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean settings = alpha != null || epsilon != null || gamma != null;
        if (candidate != null == settings) {
            throw new IllegalArgumentException("evaluate: give either --candidate FILE or at least one of --alpha, --epsilon, --gamma");
        }
        check("--alpha", alpha, LearningParameters::requireAlpha);
        check("--epsilon", epsilon, LearningParameters::requireEpsilon);
        check("--gamma", gamma, LearningParameters::requireGamma);
        Policy recorded;
        List<Episode> episodes;
        try (PolicyAccess.ReadOnly copy = PolicyAccess.readOnly(policy, spec)) {
            recorded = copy.store().read();
            episodes = copy.store().readLog().stream().map(LogEntry::episode).flatMap(Optional::stream).toList();
        }
        TargetPolicy target;
        String what;
        if (candidate != null) {
            if (!Files.isRegularFile(candidate)) {
                throw new IllegalArgumentException("--candidate: file not found: " + candidate);
            }
            Policy other = PolicyJson.readDocument(Files.readAllBytes(candidate), candidate.toString())
                    .toPolicy(candidate.toString(), "candidate");
            target = TargetPolicy.epsilonGreedy(other.table(), other.parameters());
            what = "the policy " + candidate + " (ε=" + other.parameters().epsilon() + ")";
        } else {
            LearningParameters base = recorded.parameters();
            LearningParameters changed = Relearning.withSettings(base, alpha == null ? base.alpha() : alpha,
                    epsilon == null ? base.epsilon() : epsilon, gamma == null ? base.gamma() : gamma);
            target = Relearning.candidate(episodes, changed, recorded.rewards());
            what = String.format(Locale.ROOT, "the recorded episodes learned with α=%s, ε=%s, γ=%s (judged on the same episodes, "
                    + "so somewhat optimistic)", changed.alpha(), changed.epsilon(), changed.gamma());
        }
        Evaluation evaluation = new OffPolicyEvaluator(resamples, 0.95).evaluate(episodes, target, new Random(seed));
        print(evaluation, episodes.size(), what);
        return SelfHealCli.OK;
    }

    private static void check(String option, Double value, java.util.function.DoubleUnaryOperator rule) {
        try {
            if (value != null) {
                rule.applyAsDouble(value);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private void print(Evaluation evaluation, int recorded, String what) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "[self-heal] evaluate %s: %d recorded episodes (%d healthy, %d without a recorded probability: "
                + "in the recorded means only)%n", policy, recorded, evaluation.healthy(), evaluation.withoutProbability());
        out.println("[self-heal] candidate: " + what);
        out.println("[self-heal] self-normalised importance sampling per state; 95% bootstrap intervals; ESS = how many "
                + "episodes the reweighted sample is worth (below 10 the interval is unreliable)");
        out.printf(Locale.ROOT, "%-28s %8s %6s  %-30s %-31s %s%n", "state", "episodes", "ESS", "reward: recorded → candidate",
                "heal rate: recorded → candidate", "MTTR s: recorded → candidate");
        evaluation.perState().forEach((state, m) -> row(out, state, m));
        row(out, "overall", evaluation.overall());
        out.flush();
    }

    private static void row(PrintWriter out, String name, Evaluation.Metrics m) {
        out.printf(Locale.ROOT, "%-28s %8d %6.1f  %-30s %-31s %s%n", name, m.episodes(), m.effectiveSize(),
                String.format(Locale.ROOT, "%.2f → %s", m.recordedReward(), text(m.reward(), "%.2f", 1)),
                String.format(Locale.ROOT, "%.2f → %s", m.recordedHealRate(), text(m.healRate(), "%.2f", 1)),
                m.recordedMttrMs().map(v -> String.format(Locale.ROOT, "%.1f", v / 1000)).orElse("-") + " → "
                        + text(m.mttrMs(), "%.1f", 1000));
    }

    private static String text(Optional<Estimate> estimate, String format, double scale) {
        return estimate.map(e -> e.scaled(scale).format(format))
                .orElse("n/a (no recorded episode the candidate would produce)");
    }
}
