package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Section 4: 16 writers (threads, then processes) give feedback on one policy at once. Counts lost
 * updates (episodes, visits and log lines against the updates made) and compares throughput with
 * one writer.
 */
final class ConcurrencyBench {
    static final int WRITERS = 16;
    /** A 16-writer run should take about this long; fewer updates per writer when fsync is slow. */
    private static final double TARGET_SECONDS = 25;

    private final Settings settings;
    private int run;

    ConcurrencyBench(Settings settings) {
        this.settings = settings;
    }

    /** How one run went. */
    record Outcome(int writers, int updates, double seconds, long episodes, long visits, long logLines) {
        long expected() {
            return (long) writers * updates;
        }

        long lost() {
            return expected() - Math.min(episodes, Math.min(visits, logLines));
        }

        double perSecond() {
            return expected() / seconds;
        }
    }

    String run() throws Exception {
        Outcome calibration = threads(1, settings.smoke() ? 3 : 40);
        int perWriter = settings.smoke() ? 3
                : (int) Math.max(20, Math.min(1000, calibration.perSecond() * TARGET_SECONDS / WRITERS));
        Outcome one = threads(1, perWriter);
        Outcome threads = threads(WRITERS, perWriter);
        Outcome processes = processes(WRITERS, perWriter);
        StringBuilder table = new StringBuilder("| writers | updates | time | updates/s | vs one writer | lost updates |\n"
                + "|---|---|---|---|---|---|\n");
        for (Outcome[] row : new Outcome[][] {{one}, {threads}, {processes}}) {
            Outcome o = row[0];
            String who = o == one ? "1 thread" : o == threads ? WRITERS + " threads" : WRITERS + " processes";
            table.append("| ").append(who).append(" | ").append(o.writers()).append(" × ").append(o.updates())
                    .append(" | ").append(Stats.ms(o.seconds() * 1e9)).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", o.perSecond())).append(" | ")
                    .append(Stats.ratio(o.perSecond() / one.perSecond())).append(" | ").append(o.lost()).append(" |\n");
        }
        boolean noneLost = one.lost() == 0 && threads.lost() == 0 && processes.lost() == 0;
        return table + "\nEach update is one `EpisodeLearner.learn` (accepted feedback on a one-step heal) on the same "
                + "policy file: lock (JVM lock + OS file lock), replay what other writers appended since, Q-update, append + "
                + "fsync the log; the document (a snapshot of a prefix of the log) is replaced without fsync only when "
                + "the log has grown past it. Lost = updates made − min(episodes counted, Q-visits, log lines). "
                + (perWriter < 1000 ? "Scaled down to " + perWriter + " updates per writer (1,000 would take over "
                + String.format(java.util.Locale.ROOT, "%.0f", WRITERS * 1000 / calibration.perSecond())
                + " s per run at the single-writer rate, dominated by the one fsync per update). " : "")
                + "Throughput cannot grow much with writers: every update holds the one lock for its fsync.\n\n"
                + "- Goal 0 lost updates: " + Stats.met(noneLost) + "\n";
    }

    private Outcome threads(int writers, int updates) throws Exception {
        Path policy = freshPolicy();
        List<FeedbackWriter> prepared = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            prepared.add(new FeedbackWriter(policy));
        }
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        for (FeedbackWriter writer : prepared) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    writer.write(updates);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            running.add(thread);
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        return outcome(policy, writers, updates, seconds);
    }

    private Outcome processes(int writers, int updates) throws Exception {
        Path policy = freshPolicy();
        Path go = policy.resolveSibling(policy.getFileName() + ".go");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Process child = ChildProcess.start(ChildProcess.java(settings, WriterChild.class, policy.toString(), "" + updates, go.toString()));
            children.add(child);
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process child : children) { // READY: the JVM is up and its writer prepared
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            if (!"READY".equals(line)) {
                throw new IOException("writer process did not start: " + line);
            }
            outputs.add(output);
        }
        long start = System.currentTimeMillis();
        Files.createFile(go);
        long end = start;
        for (int i = 0; i < children.size(); i++) {
            String line = outputs.get(i).readLine();
            if (line == null || !line.startsWith("RESULT end_ms=") || children.get(i).waitFor() != 0) {
                throw new IOException("writer process " + i + " failed: " + line);
            }
            end = Math.max(end, Long.parseLong(line.substring("RESULT end_ms=".length()).trim()));
        }
        return outcome(policy, writers, updates, (end - start) / 1e3);
    }

    private Outcome outcome(Path policyFile, int writers, int updates, double seconds) throws IOException {
        PolicyStore store = new PolicyStore(policyFile, "bench", Clock.systemUTC(), warning -> { });
        Policy policy = store.read();
        return new Outcome(writers, updates, seconds, policy.episodes(), policy.table().totalVisits(), store.readLog().size());
    }

    private Path freshPolicy() throws IOException {
        Path dir = settings.work().resolve("concurrency").resolve("run-" + (run++));
        if (Files.exists(dir)) {
            try (var old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        return dir.resolve("policy.json");
    }
}
