package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.BulkHistory;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Section 5: the job page's view.json (which the job's main page trend box fetches too) for 1,000 states
 * × 5 actions at 10,000, 100,000 and 1,000,000 episodes, each size in its own JVM ({@link ViewChild}),
 * and learning one episode at each size.
 */
final class ViewBench {
    /** The heap the view child runs in: the goal is a view within 64 MB. */
    static final String VIEW_HEAP = "-Xmx64m";

    private final Settings settings;

    ViewBench(Settings settings) {
        this.settings = settings;
    }

    String run() throws IOException, InterruptedException {
        int states = settings.smoke() ? 50 : 1_000;
        int[] sizes = settings.smoke() ? new int[] {200, 2_000} : new int[] {10_000, 100_000, 1_000_000};
        int runs = settings.smoke() ? 3 : 15;
        StringBuilder table = new StringBuilder("| episodes | log | on disk: hot file + segments | generated in | view cold (new store) | view after an append "
                + "| view cached | view.json | peak heap (view, " + VIEW_HEAP + ") | peak RSS (view JVM) "
                + "| learn: first after restart | learn: warm | peak RSS (learn JVM) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        long[] logBytes = new long[sizes.length];
        long[] generated = new long[sizes.length];
        String[] onDisk = new String[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            long start = System.nanoTime();
            logBytes[i] = generate(file(sizes[i]), states, sizes[i]);
            generated[i] = System.nanoTime() - start;
            onDisk[i] = onDisk(file(sizes[i]));
        }
        // rounds over all sizes, so a machine busy with other work slows every size alike; medians of the rounds
        int rounds = settings.smoke() ? 1 : 3;
        List<List<Map<String, String>>> views = new java.util.ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            views.add(new java.util.ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sizes.length; i++) {
                views.get(i).add(child("view", file(sizes[i]), runs, states, sizes[i] + (long) round * runs, VIEW_HEAP));
            }
        }
        List<Map<String, String>> view = views.stream().map(ViewBench::medians).toList();
        List<List<Map<String, String>>> learns = new java.util.ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            learns.add(new java.util.ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sizes.length; i++) { // each learn child adds 1 + runs episodes
                learns.get(i).add(child("learn", file(sizes[i]), runs, states,
                        sizes[i] + (long) rounds * runs + (long) round * (runs + 1), "-Xmx1g"));
            }
        }
        List<Map<String, String>> learn = learns.stream().map(ViewBench::medians).toList();
        for (int i = 0; i < sizes.length; i++) {
            Map<String, String> v = view.get(i);
            Map<String, String> l = learn.get(i);
            table.append("| ").append(String.format("%,d", sizes[i])).append(" | ").append(Stats.mib(logBytes[i])).append(" | ")
                    .append(onDisk[i]).append(" | ").append(Stats.ms(generated[i])).append(" | ").append(ms(v, "cold_ns")).append(" | ")
                    .append(ms(v, "appended_ns")).append(" | ").append(ms(v, "cached_ns")).append(" | ")
                    .append(Stats.kib(Long.parseLong(v.get("json_bytes")))).append(" | ")
                    .append(Stats.mib(Long.parseLong(v.get("heap_peak_bytes")))).append(" | ")
                    .append(Stats.mib(Long.parseLong(v.get("hwm_bytes")))).append(" | ").append(ms(l, "first_ns"))
                    .append(" | ").append(ms(l, "warm_ns")).append(" | ")
                    .append(Stats.mib(Long.parseLong(l.get("hwm_bytes")))).append(" |\n");
        }
        Map<String, String> first = view.get(0);
        Map<String, String> last = view.get(sizes.length - 1);
        Map<String, String> firstLearn = learn.get(0);
        Map<String, String> lastLearn = learn.get(sizes.length - 1);
        double time = ratio(last, first, "appended_ns");
        double cold = ratio(last, first, "cold_ns");
        double memory = ratio(last, first, "heap_peak_bytes");
        double warm = ratio(lastLearn, firstLearn, "warm_ns");
        double firstLearnRatio = ratio(lastLearn, firstLearn, "first_ns");
        String largest = String.format("%,d", sizes[sizes.length - 1]);
        String smallest = String.format("%,d", sizes[0]);
        double lastMs = Long.parseLong(last.get("appended_ns")) / 1e6;
        double lastHeap = Long.parseLong(last.get("heap_peak_bytes")) / 1048576.0;
        return table + "\n" + states + " states × " + ActionKind.values().length + " actions. Each size is generated "
                + "directly in the store's files (`BulkHistory`: the log in its serialised form, moved into gzip segments "
                + "whenever the hot file passes " + Stats.mib(BulkHistory.SEGMENT_BYTES) + " as the store's updates do, "
                + "the snapshot and the history summary as of its end) and measured in its own JVM: the view child runs with `" + VIEW_HEAP
                + "` (a view that did not fit would fail the run), the learn child with `-Xmx1g`. Times are medians of "
                + runs + " views (or learned episodes) in each of " + rounds + " JVMs per size and kind, run in rounds over the sizes (the median of "
                + "the rounds is shown), so load from other work on the machine slows every size alike.\n\n"
                + "- **view cold**: a new `PolicyStore` and `ViewJson.of` (what the first visit after a Jenkins restart "
                + "costs: snapshot + summary + the log after them).\n"
                + "- **view after an append**: one episode appended to the log by someone else, then the job's store "
                + "builds the view again (reads the one new line).\n"
                + "- **view cached**: nothing changed since the last view (the job's main page trend box and every "
                + "further visit).\n"
                + "- **learn: first after restart**: the first `update` of a new store, which learns the ids the log "
                + "holds (so an episode is never learned twice) from the segments' id indexes and the hot file; **warm** "
                + "is every later one.\n\n"
                + "Ratios " + largest + " ÷ " + smallest + ": view after an append " + Stats.ratio(time) + ", view cold "
                + Stats.ratio(cold) + ", peak heap " + Stats.ratio(memory) + ", learn warm " + Stats.ratio(warm)
                + ", first learn after restart " + Stats.ratio(firstLearnRatio) + ".\n\n"
                + "Learning is bounded by its one fsync of the log (milliseconds, noisy on a loaded machine), not by the "
                + "history. The first update after a restart reads the hot file (at most " + Stats.mib(BulkHistory.SEGMENT_BYTES)
                + " plus what was appended since its last move) and each segment's id index (8 bytes an episode), never the "
                + "segments themselves.\n\n"
                + "- Goal view time ratio " + largest + " ÷ " + smallest + " ≤ 1.2: " + Stats.met(time <= 1.2) + " ("
                + Stats.ratio(time) + ")\n"
                + "- Goal view memory ratio " + largest + " ÷ " + smallest + " ≤ 1.2: " + Stats.met(memory <= 1.2) + " ("
                + Stats.ratio(memory) + ")\n"
                + "- Goal view under 50 ms and 64 MB at " + largest + " episodes: " + Stats.met(lastMs < 50 && lastHeap < 64)
                + String.format(" (%.1f ms, %.1f MiB)", lastMs, lastHeap) + "\n"
                + "- Goal learning one episode at " + largest + " no slower than at " + smallest + " (warm, ≤ 1.2×): "
                + Stats.met(warm <= 1.2) + " (" + Stats.ratio(warm) + "; the first after a restart: "
                + Stats.ratio(firstLearnRatio) + ")\n";
    }

    /** The hot file's and the segments' sizes on disk (segment indexes included). */
    private static String onDisk(Path policy) throws IOException {
        long hot = Files.size(policy.resolveSibling("policy.episodes.jsonl"));
        long segments = 0;
        int count = 0;
        try (var files = Files.list(policy.getParent())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("policy.episodes.0") && (name.endsWith(".jsonl.gz") || name.endsWith(".ids"))) {
                    segments += Files.size(p);
                    count += name.endsWith(".gz") ? 1 : 0;
                }
            }
        }
        return Stats.mib(hot) + " + " + count + " × (gz + ids) " + Stats.mib(segments);
    }

    private Path file(int size) {
        return settings.work().resolve("view-" + size).resolve("policy.json");
    }

    /** Each value the median of the rounds' values. */
    private static Map<String, String> medians(List<Map<String, String>> rounds) {
        Map<String, String> result = new java.util.HashMap<>();
        for (String key : rounds.get(0).keySet()) {
            long[] values = rounds.stream().mapToLong(r -> Long.parseLong(r.get(key))).sorted().toArray();
            result.put(key, String.valueOf(values[values.length / 2]));
        }
        return result;
    }

    private Map<String, String> child(String mode, Path file, int runs, int states, long episodes, String heap)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(ChildProcess.java(settings, ViewChild.class, mode, file.toString(),
                String.valueOf(runs), String.valueOf(states), String.valueOf(episodes)));
        command.add(1, heap);
        return ChildProcess.run(command);
    }

    private static String ms(Map<String, String> result, String key) {
        return Stats.ms(Long.parseLong(result.get(key)));
    }

    private static double ratio(Map<String, String> last, Map<String, String> first, String key) {
        return (double) Long.parseLong(last.get(key)) / Long.parseLong(first.get(key));
    }

    /** A policy of {@code states} filled states and {@code episodes} episodes in its log. */
    private static long generate(Path file, int states, int episodes) throws IOException {
        Files.createDirectories(file.getParent());
        try (var old = Files.list(file.getParent())) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        QTable table = Tables.filled(states, new Random(3));
        Policy policy = new Policy("bench", Policy.INITIAL_GENERATION, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS,
                table, 0, null, Instant.parse("2025-01-01T00:00:00Z"));
        Random random = new Random(4);
        Iterator<Episode> log = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < episodes;
            }

            @Override
            public Episode next() {
                return episode(i++, stateName(random.nextInt(states)), random);
            }
        };
        return BulkHistory.write(file, policy, log);
    }

    /** The name {@link Tables#filled} gives its {@code i}-th state. */
    static String stateName(int i) {
        return i < io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment.SCENARIOS.size()
                ? io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment.SCENARIOS.get(i).state()
                : "synthetic_failure_" + i + (i % 2 == 0 ? "_UP" : "_DOWN");
    }

    /** One episode of a mixed history: mostly healed and accepted, some failed and rejected, some healthy. */
    static Episode episode(long i, String state, Random random) {
        ActionKind action = ActionKind.values()[random.nextInt(ActionKind.values().length)];
        Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 60L);
        int kind = random.nextInt(10);
        if (kind == 0) {
            Observation fine = new Observation(Optional.empty(), UptimeReading.up(List.of(), "200 OK"), "no_failure_UP");
            return Episode.pending(new HealResult("rl", "initial", fine, List.of(), Outcome.HEALTHY, Optional.empty()),
                    "episode-" + i, null, at).closed(io.jenkins.plugins.selfheal.engine.learn.Verdict.NONE, "healthy");
        }
        boolean healed = kind > 2;
        Map<ActionKind, Double> q = new EnumMap<>(ActionKind.class);
        for (ActionKind a : ActionKind.values()) {
            q.put(a, random.nextDouble());
        }
        Set<ActionKind> all = EnumSet.allOf(ActionKind.class);
        HealAttempt step = new HealAttempt(new Decision("rl", state, action, Choice.EXPLOIT, 0.1, q, all),
                healed ? ActionResult.succeeded(Duration.ofMillis(200), "simulated fix worked")
                        : ActionResult.failed(Duration.ofMillis(200), "simulated fix failed"),
                healed ? "no_failure_UP" : state, healed, all);
        Observation initial = new Observation(Optional.of(Finding.crash("simulated crash")),
                UptimeReading.down(List.of(), "simulated crash"), state);
        HealResult heal = new HealResult("rl", "initial", initial, List.of(step), healed ? Outcome.HEALED : Outcome.FAILED,
                healed ? Optional.of(Duration.ofMillis(200 + random.nextInt(800))) : Optional.empty());
        double reward = healed ? 3 : -1;
        return Episode.pending(heal, "episode-" + i, null, at).decided(healed ? Feedback.accepted() : Feedback.rejected(),
                "bench", at, reward, List.of(new QUpdate(state, action, reward, reward, 0.5, 0.75, at)));
    }
}
