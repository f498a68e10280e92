package io.jenkins.plugins.selfheal.jenkins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs actors on real threads released together by a barrier; no sleeps, generous deadlines. */
final class Races {
    @FunctionalInterface
    interface Actor {
        void run() throws Exception;
    }

    private static final int MAX_ACTORS = 4;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(MAX_ACTORS, r -> {
        Thread t = new Thread(r, "race");
        t.setDaemon(true);
        return t;
    });
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Races() {
    }

    /** Starts all actors at once and waits until every one has returned; rethrows the first failure. */
    static void race(Actor... actors) throws Exception {
        if (actors.length > MAX_ACTORS) {
            throw new IllegalArgumentException("at most " + MAX_ACTORS + " actors");
        }
        CyclicBarrier start = new CyclicBarrier(actors.length);
        List<Future<?>> running = new ArrayList<>();
        for (Actor actor : actors) {
            running.add(THREADS.submit(() -> {
                start.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                actor.run();
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Spins (no sleep) until {@code condition} holds; fails after the deadline. */
    static void until(BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            Thread.onSpinWait();
        }
    }
}
