package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Section 5: building the job page's JSON for 1,000 states × 5 actions (ActionKind has 5, not 8)
 * with 10,000 episodes in the log.
 */
final class ViewBench {
    /** The view being measured: change this one line to the real view builder when it exists. */
    static final JobPageView VIEW = new JobPageView.ViewDocumentView();

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
                + "the brief assumed). The whole view is what the job page's `view.json` serves: `ViewJson.of(store)`, "
                + "i.e. read the document and the log, build the `ViewDocument`, write its JSON.\n";
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
                out.write(PolicyJson.writeEpisode(episode(i, names.get(random.nextInt(names.size())), random)));
                out.write('\n');
            }
        }
        return store;
    }

    private static Episode episode(int i, String state, Random random) {
        ActionKind action = ActionKind.values()[random.nextInt(ActionKind.values().length)];
        Map<ActionKind, Double> q = new EnumMap<>(ActionKind.class);
        for (ActionKind a : ActionKind.values()) {
            q.put(a, random.nextDouble());
        }
        Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 60L);
        Set<ActionKind> all = EnumSet.allOf(ActionKind.class);
        HealAttempt step = new HealAttempt(new Decision("rl", state, action, Choice.EXPLOIT, 0.1, q, all),
                ActionResult.succeeded(Duration.ofMillis(200), "simulated fix worked"), "no_failure_UP", true, all);
        Observation initial = new Observation(Optional.of(Finding.crash("simulated crash")),
                UptimeReading.down(List.of(), "simulated crash"), state);
        HealResult heal = new HealResult("rl", "initial", initial, List.of(step), Outcome.HEALED,
                Optional.of(Duration.ofMillis(200)));
        return Episode.pending(heal, "episode-" + i, null, at).decided(Feedback.accepted(), "bench", at, 3,
                List.of(new QUpdate(state, action, 3, 3, 0.5, 0.75, at)));
    }
}
