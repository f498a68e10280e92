package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Section 5: building the job page's JSON for 1,000 states × 5 actions (ActionKind has 5, not 8)
 * with 10,000 episodes in the log.
 */
final class ViewBench {
    /** The view being measured: change this one line to the real view builder when it exists. */
    static final JobPageView VIEW = new JobPageView.PolicyDocumentView();

    private final Settings settings;

    ViewBench(Settings settings) {
        this.settings = settings;
    }

    String run() throws IOException {
        int states = settings.smoke() ? 50 : 1_000;
        int episodes = settings.smoke() ? 100 : 10_000;
        PolicyStore store = prepare(states, episodes);
        int runs = settings.smoke() ? 1 : 15;
        long[] total = new long[runs];
        long[] log = new long[runs];
        byte[] json = new byte[0];
        for (int warmup = 0; warmup < (settings.smoke() ? 0 : 5); warmup++) {
            VIEW.json(store);
        }
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            json = VIEW.json(store);
            total[i] = System.nanoTime() - start;
            start = System.nanoTime();
            store.readLog();
            log[i] = System.nanoTime() - start;
        }
        Stats all = new Stats(total);
        Stats logOnly = new Stats(log);
        return "| view data | time (median of " + runs + ") | bytes |\n|---|---|---|\n"
                + "| whole view (`" + VIEW.getClass().getSimpleName() + "`) | " + Stats.ms(all.median()) + " | "
                + Stats.kib(json.length) + " JSON out |\n"
                + "| of which `PolicyStore.readLog()` (" + episodes + " episodes) | " + Stats.ms(logOnly.median()) + " | "
                + Stats.kib(Files.size(store.episodeLog())) + " log read |\n\n"
                + states + " states × " + ActionKind.values().length + " actions (`ActionKind` has 5 actions, not the 8 "
                + "the brief assumed). The stand-in view serialises `PolicyDocument.of(policy)` (compact) after reading "
                + "the document and the log; the real view builder (`engine.view`, in progress elsewhere) plugs in at "
                + "`ViewBench.VIEW`, one line.\n";
    }

    private PolicyStore prepare(int states, int episodes) throws IOException {
        Path dir = settings.work().resolve("view");
        Files.createDirectories(dir);
        Path file = dir.resolve("policy.json");
        PolicyStore store = new PolicyStore(file, "bench", Clock.systemUTC(), warning -> { });
        Files.deleteIfExists(file);
        Files.deleteIfExists(store.episodeLog());
        QTable filled = Tables.filled(states, new Random(3));
        store.update(policy -> {
            filled.states().forEach(s -> filled.row(s).forEach((a, e) -> policy.table().put(s, a, e)));
            return null;
        });
        // The log written directly, in the store's own format: 10,000 learn calls would cost 20,000 fsyncs.
        Random random = new Random(4);
        List<String> names = List.copyOf(filled.states());
        try (BufferedWriter out = Files.newBufferedWriter(store.episodeLog(), StandardCharsets.UTF_8)) {
            for (int i = 0; i < episodes; i++) {
                out.write(new String(PolicyJson.write(episode(i, names.get(random.nextInt(names.size())), random), false),
                        StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        return store;
    }

    private static LogEntry.EpisodeEntry episode(int i, String state, Random random) {
        ActionKind action = ActionKind.values()[random.nextInt(ActionKind.values().length)];
        Map<String, Double> q = new LinkedHashMap<>();
        for (ActionKind a : ActionKind.values()) {
            q.put(a.id(), random.nextDouble());
        }
        String at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 60L).toString();
        LogEntry.StepEntry step = new LogEntry.StepEntry(state, action.id(), "exploit", 0.1, q, ActionKind.ids(),
                true, 200, "simulated fix worked", "no_failure_UP", true, null);
        return new LogEntry.EpisodeEntry("episode-" + i, at, "initial", "rl", "deployment_failure", "simulated crash", state,
                List.of(step), "healed", "accepted", null, null, "bench", at, 3, 200L, null,
                List.of(new LogEntry.UpdateEntry(state, action.id(), 3, 3, 0.5, 0.75)));
    }
}
