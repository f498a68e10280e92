package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.eval.Estimate;
import io.jenkins.plugins.selfheal.engine.eval.Evaluation;
import io.jenkins.plugins.selfheal.engine.eval.OffPolicyEvaluator;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEpisodes;
import io.jenkins.plugins.selfheal.engine.eval.TargetPolicy;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Section 6: the off-policy estimator ({@code self-heal evaluate}) against the truth. Logs of one policy
 * in the simulator; the candidate's true reward, heal rate and MTTR are the means of 200,000 of its own
 * episodes; per seed, the estimate from a 500-episode log and its 95% interval. Reported: the bias
 * (mean estimate − truth, relative) and the coverage (share of seeds whose interval contains the truth).
 */
final class EstimatorBench {
    private static final int LOG = 500;
    private static final LearningParameters RECORDED = LearningParameters.DEFAULTS.withEpsilon(0.3);
    private static final LearningParameters CANDIDATE = LearningParameters.DEFAULTS.withEpsilon(0.1);

    private final Settings settings;

    EstimatorBench(Settings settings) {
        this.settings = settings;
    }

    /** A recorded policy and a candidate, both ε-greedy over a fixed table. */
    private record Scenario(String name, Function<SimulatedEnvironment.Scenario, ActionKind> recorded) {
    }

    String run() {
        SuccessTable environment = SuccessTable.DEFAULT;
        SimulatedEpisodes simulator = new SimulatedEpisodes(environment, 0.1, 2);
        QTable candidate = table(s -> environment.intendedAction(s.failure()));
        List<Scenario> scenarios = List.of(
                new Scenario("recorded: latency not learned yet (retry), else intended", s -> s.failure().equals("latency_issue")
                        ? ActionKind.RETRY_DEPLOYMENT : environment.intendedAction(s.failure())),
                new Scenario("recorded: retry everywhere", s -> ActionKind.RETRY_DEPLOYMENT));
        int seeds = settings.smoke() ? 3 : 200;
        double[] truth = SimulatedEpisodes.means(simulator.run(candidate, CANDIDATE, settings.smoke() ? 2000 : 200_000, new Random(-1)));
        StringBuilder text = new StringBuilder("| recorded policy (ε 0.3) → candidate: intended, ε 0.1 | metric | truth | bias | "
                + "coverage of the 95% interval | mean interval width | mean ESS of " + LOG + " |\n|---|---|---|---|---|---|---|\n");
        String[] names = {"reward", "heal rate", "MTTR (ms)"};
        double worstCoverage = 1;
        for (Scenario scenario : scenarios) {
            QTable recorded = table(scenario.recorded());
            double[] sum = new double[3];
            double[] width = new double[3];
            int[] covered = new int[3];
            double ess = 0;
            OffPolicyEvaluator evaluator = new OffPolicyEvaluator(settings.smoke() ? 20 : 300, 0.95);
            for (long seed = 0; seed < seeds; seed++) {
                Evaluation.Metrics m = evaluator.evaluate(simulator.run(recorded, RECORDED, LOG, new Random(new SplittableRandom(seed).nextLong())),
                        TargetPolicy.epsilonGreedy(candidate, CANDIDATE), new Random(seed)).overall();
                ess += m.effectiveSize();
                List<Optional<Estimate>> estimates = List.of(m.reward(), m.healRate(), m.mttrMs());
                for (int k = 0; k < 3; k++) {
                    Estimate e = estimates.get(k).orElseThrow();
                    sum[k] += e.value();
                    width[k] += e.high() - e.low();
                    covered[k] += e.contains(truth[k]) ? 1 : 0;
                }
            }
            for (int k = 0; k < 3; k++) {
                double coverage = covered[k] / (double) seeds;
                worstCoverage = scenario == scenarios.get(0) ? Math.min(worstCoverage, coverage) : worstCoverage;
                text.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %+.1f%% | %.0f%% | %.3f | %.0f |%n", k == 0 ? scenario.name() : "",
                        names[k], truth[k], 100 * (sum[k] / seeds - truth[k]) / truth[k], 100 * coverage, width[k] / seeds, ess / seeds));
            }
        }
        return text + "\nSelf-normalised importance sampling, per state, the states weighted by how often they occurred; "
                + "intervals: bootstrap percentiles over episodes. " + seeds + " seeds (logs), default environment, reviewer wrong "
                + "10% of the time, up to 2 actions per episode. The further the recorded policy is from the candidate, the "
                + "fewer episodes the estimate rests on (ESS).\n\n- Goal interval contains the truth in ≥ 90% of seeds "
                + "(recorded policy near the candidate): " + Stats.met(worstCoverage >= 0.9)
                + String.format(Locale.ROOT, " (worst metric %.0f%%)%n", 100 * worstCoverage);
    }

    private static QTable table(Function<SimulatedEnvironment.Scenario, ActionKind> pick) {
        QTable table = new QTable();
        for (SimulatedEnvironment.Scenario s : SimulatedEnvironment.SCENARIOS) {
            for (ActionKind a : ActionKind.values()) {
                table.put(s.state(), a, new QEntry(a == pick.apply(s) ? 2 : -0.5, 3, Optional.of(Instant.EPOCH)));
            }
        }
        return table;
    }
}
