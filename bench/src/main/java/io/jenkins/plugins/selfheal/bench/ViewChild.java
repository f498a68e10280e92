package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.view.ViewJson;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

/**
 * Section 5 in its own JVM, on a policy {@link ViewBench} generated: {@code view} (run with a small heap)
 * times the job page's view.json cold (a new store, as after a restart), after an episode another process
 * appended, and cached; {@code learn} times learning one episode, the first after a restart and then warm.
 * Prints one RESULT line.
 */
public final class ViewChild {
    private ViewChild() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int states = Integer.parseInt(args[3]);
        long episodes = Integer.parseInt(args[4]);
        if (args[0].equals("view")) {
            view(file, runs, states, episodes);
        } else {
            learn(file, runs, states, episodes);
        }
    }

    private static void view(Path file, int runs, int states, long episodes) throws IOException {
        for (int i = 0; i < 3; i++) { // warm-up of the code, each on a new store
            ViewJson.of(store(file));
        }
        resetPeaks();
        long[] cold = new long[runs];
        long[] appended = new long[runs];
        long[] cached = new long[runs];
        byte[] json = new byte[0];
        Random random = new Random(5);
        PolicyStore store = store(file);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            json = ViewJson.of(store(file));
            cold[i] = System.nanoTime() - start;
            // what a learner in another process leaves: one more line in the log
            Episode next = ViewBench.episode(episodes + i, ViewBench.stateName(random.nextInt(states)), random);
            Files.writeString(store.episodeLog(), PolicyJson.writeEpisode(next) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            start = System.nanoTime();
            json = ViewJson.of(store);
            appended[i] = System.nanoTime() - start;
            start = System.nanoTime();
            ViewJson.of(store);
            cached[i] = System.nanoTime() - start;
        }
        if (ViewJson.read(json).history().total() != episodes + runs) {
            throw new IllegalStateException("the view counts " + ViewJson.read(json).history().total() + " episodes, not "
                    + (episodes + runs));
        }
        System.out.println("RESULT cold_ns=" + median(cold) + " appended_ns=" + median(appended) + " cached_ns="
                + median(cached) + " json_bytes=" + json.length + " heap_peak_bytes=" + heapPeak() + " hwm_bytes="
                + Machine.peakRssBytes());
    }

    private static void learn(Path file, int runs, int states, long episodes) throws IOException {
        Random random = new Random(6);
        PolicyStore store = store(file);
        long start = System.nanoTime();
        learnOne(store, episodes, states, random);
        long first = System.nanoTime() - start;
        long[] warm = new long[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            learnOne(store, episodes + 1 + i, states, random);
            warm[i] = System.nanoTime() - start;
        }
        System.out.println("RESULT first_ns=" + first + " warm_ns=" + median(warm) + " hwm_bytes=" + Machine.peakRssBytes());
    }

    /** One episode learned the way the learner saves it: one update of the store, its cell and its log line. */
    private static void learnOne(PolicyStore store, long index, int states, Random random) throws IOException {
        Episode episode = ViewBench.episode(index, ViewBench.stateName(random.nextInt(states)), random);
        store.update(policy -> {
            episode.updates().forEach(u -> policy.table().put(u.state(), u.action(),
                    policy.table().entry(u.state(), u.action()).updatedTo(u.after(), u.at())));
            policy.recordEpisode(episode);
            return null;
        });
    }

    private static PolicyStore store(Path file) {
        return new PolicyStore(file, "bench", Clock.systemUTC(), warning -> System.err.println("warning: " + warning));
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The largest heap in use since {@link #resetPeaks} (the pools' peaks summed: an upper bound). */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
