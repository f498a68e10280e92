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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Section 2: detect result → chosen action (JMH, in memory) → decision persisted
 * ({@link EpisodeLearner#learn}: lock, update, append + fsync the log, now and then a snapshot), against one fsync of a
 * small file measured in the same run.
 */
final class DecisionBench {
    private final Settings settings;

    DecisionBench(Settings settings) {
        this.settings = settings;
    }

    String run() throws IOException, InterruptedException, RunnerException {
        Map<Integer, double[]> choose = choose();
        Stats fsync = fsync(settings.smoke() ? 5 : 200);
        StringBuilder table = new StringBuilder("| states | document | choose p50 / p99 (JMH) | persist p50 / p99 | "
                + "one fsync p50 / p99 | persist ÷ fsync (p50) |\n|---|---|---|---|---|---|\n");
        boolean chooseMet = true;
        boolean persistMet = true;
        for (int states : settings.tableSizes()) {
            double[] c = choose.getOrDefault(states, new double[] {Double.NaN, Double.NaN});
            Path file = settings.work().resolve("decision").resolve("policy-" + states + ".json");
            Stats persist = persist(file, states, settings.smoke() ? 3 : states >= 10_000 ? 30 : 100);
            double ratio = (double) persist.median() / fsync.median();
            chooseMet &= states < 10_000 || c[0] < 20;
            persistMet &= ratio < 2;
            table.append("| ").append(states).append(" | ").append(Stats.kib(Files.size(file))).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f / %.2f µs", c[0], c[1])).append(" | ")
                    .append(Stats.ms(persist.median())).append(" / ").append(Stats.ms(persist.percentile(99))).append(" | ")
                    .append(Stats.ms(fsync.median())).append(" / ").append(Stats.ms(fsync.percentile(99))).append(" | ")
                    .append(Stats.ratio(ratio)).append(" |\n");
        }
        return table + "\nchoose = `QLearningPlanner.decide` (ε-greedy + the Decision's Q-value snapshot), JMH sample "
                + "mode, 1 fork. persist = `EpisodeLearner.learn` of a one-step heal (lock, check the document and the log "
                + "are as this store left them, Q-update, append + fsync the episode log; the document is a compact "
                + "snapshot of a prefix of the log, replaced without fsync only when the log has grown past its size, "
                + "at least 64 KiB). document = the snapshot's size. fsync = write 64 bytes + "
                + "`FileChannel.force(true)`.\n\n"
                + "- Goal choose < 20 µs at 10,000 states: " + Stats.met(chooseMet) + "\n"
                + "- Goal persist < 2× one fsync: " + Stats.met(persistMet) + "\n";
    }

    /** states → {p50, p99} in µs. */
    private Map<Integer, double[]> choose() throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(ChooseBenchmark.class.getName()).shouldFailOnError(true)
                .param("states", java.util.Arrays.stream(settings.tableSizes()).mapToObj(String::valueOf).toArray(String[]::new));
        if (settings.smoke()) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        } else {
            options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        Map<Integer, double[]> results = new TreeMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            var statistics = result.getPrimaryResult().getStatistics();
            results.put(Integer.parseInt(result.getParams().getParam("states")),
                    new double[] {statistics.getPercentile(50), statistics.getPercentile(99)});
        }
        return results;
    }

    private Stats fsync(int count) throws IOException {
        Path file = settings.work().resolve("decision").resolve("fsync.bin");
        Files.createDirectories(file.getParent());
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(new byte[64]));
                channel.force(true);
            }
            nanos[i] = System.nanoTime() - start;
        }
        return new Stats(nanos);
    }

    private Stats persist(Path file, int states, int count) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        for (Path old : new Path[] {file, file.resolveSibling("policy-" + states + ".episodes.jsonl")}) {
            Files.deleteIfExists(old);
        }
        PolicyStore store = new PolicyStore(file, "bench", Clock.systemUTC(), warning -> { });
        QTable filled = Tables.filled(states, new Random(states));
        store.update(policy -> {
            filled.states().forEach(s -> filled.row(s).forEach((a, e) -> policy.table().put(s, a, e)));
            return null;
        });
        Policy policy = store.read();
        Random random = new Random(5);
        QLearningPlanner planner = new QLearningPlanner(policy.table(), LearningParameters.DEFAULTS, random, false);
        HealingLoop loop = new HealingLoop(planner, 1, Clock.systemUTC(), line -> { });
        EpisodeLearner learner = new EpisodeLearner(store, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, Clock.systemUTC());
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            SimulatedEnvironment environment = new SimulatedEnvironment(SimulatedEnvironment.Scenario.random(random),
                    SuccessTable.DEFAULT, random);
            HealResult result = loop.run(environment, policy.generation());
            long start = System.nanoTime();
            learner.learn(result, Feedback.accepted(), new EpisodeLearner.Context("e" + i, "bench", null));
            nanos[i] = System.nanoTime() - start;
        }
        return new Stats(nanos);
    }
}
