package io.jenkins.plugins.selfheal.jenkins;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where Self-Heal's blocking work runs (HTTP probes, commands, file scans, waiting for feedback):
 * daemon threads of its own, never the Pipeline's CPS VM thread. A new thread would inherit the
 * context class loader of the thread that happens to create it (the CPS VM thread's is the build's
 * Groovy class loader, which it would keep alive after the build): each gets the plugin's own.
 */
final class Background {
    /** Work that may block. */
    interface Work {
        void run() throws Exception;
    }

    private static final Logger LOGGER = Logger.getLogger(Background.class.getName());
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadFactory THREADS = r -> {
        Thread t = new Thread(r, "Self-Heal #" + COUNT.incrementAndGet());
        t.setDaemon(true);
        t.setContextClassLoader(Background.class.getClassLoader());
        t.setUncaughtExceptionHandler((thread, e) -> LOGGER.log(Level.SEVERE, "Self-Heal: uncaught in " + thread.getName(), e));
        return t;
    };
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(THREADS);
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(THREADS);

    private Background() {
    }

    static Future<?> submit(Work work, Consumer<Throwable> onError) {
        return WORKERS.submit(() -> guarded(work, onError));
    }

    static Future<?> schedule(Work work, Duration delay, Consumer<Throwable> onError) {
        // the timer only hands the work over, so a slow timeout never delays another
        return TIMERS.schedule(() -> submit(work, onError), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void guarded(Work work, Consumer<Throwable> onError) {
        try {
            work.run();
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // cancelled: the step has ended already, or ends now
            }
            try {
                onError.accept(t);
            } catch (Throwable handling) {
                // a Future nobody reads would swallow it: say it in the log
                handling.addSuppressed(t);
                LOGGER.log(Level.SEVERE, "Self-Heal: an error could not be handed to its step", handling);
            }
        }
    }
}
