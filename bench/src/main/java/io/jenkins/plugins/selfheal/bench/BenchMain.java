package io.jenkins.plugins.selfheal.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark sections and writes the report.
 * {@code BenchMain [--quick] [--smoke] [--only N,...] --work DIR --out FILE}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** One section of the report. */
    @FunctionalInterface
    interface Section {
        String run(Settings settings) throws Exception;
    }

    static final List<String> TITLES = List.of(
            "1. Data-anomaly scan throughput",
            "2. Decision latency",
            "3. Learning efficiency in the simulator",
            "4. Concurrent feedback on one policy",
            "5. View data at scale",
            "6. The autonomy gate in the simulator",
            "7. Off-policy evaluation: estimator bias and coverage");

    static final List<Section> SECTIONS = List.of(
            s -> new ScanBench(s).run(),
            s -> new DecisionBench(s).run(),
            s -> new LearningBench(s).run(),
            s -> new ConcurrencyBench(s).run(),
            s -> new ViewBench(s).run(),
            s -> new GateBench(s).run(),
            s -> new EstimatorBench(s).run());

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean smoke = false;
        Path work = Path.of("bench/target/work");
        Path out = Path.of("BENCHMARKS.md");
        List<Integer> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--smoke" -> smoke = true;
                case "--work" -> work = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> {
                    for (String n : args[++i].split(",")) {
                        only.add(Integer.parseInt(n.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Settings settings = new Settings(quick, smoke, work.toAbsolutePath(), System.getProperty("java.class.path"));
        Files.writeString(out, report(settings, only), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    static String report(Settings settings, List<Integer> only) throws Exception {
        Files.createDirectories(settings.work());
        StringBuilder report = new StringBuilder("# Self-Heal benchmarks\n\nWritten by `bench/run.sh"
                + (settings.quick() ? " --quick" : "") + (settings.smoke() ? " --smoke" : "") + "` (see bench/README.md). "
                + "Other work may share the machine: compare the ratios, measured side by side in one run; absolute "
                + "times are indicative only.\n\n" + Machine.describe() + "\n");
        StringBuilder goals = new StringBuilder();
        for (int i = 0; i < SECTIONS.size(); i++) {
            if (!only.isEmpty() && !only.contains(i + 1)) {
                continue;
            }
            System.out.println("running " + TITLES.get(i));
            long start = System.nanoTime();
            String body = SECTIONS.get(i).run(settings);
            report.append("## ").append(TITLES.get(i)).append("\n\n").append(body).append("\n_section took ")
                    .append(Stats.ms(System.nanoTime() - start)).append("_\n\n");
            body.lines().filter(l -> l.startsWith("- Goal")).forEach(l -> goals.append(l).append('\n'));
        }
        return report.append("## Goals\n\n").append(goals).toString();
    }
}
