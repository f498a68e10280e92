package io.jenkins.plugins.selfheal.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a TERM signal) while the run waits at the prompt: the JVM would stop with the episode
 * half-logged (deployment, issue and heal rows written, nothing learned). While armed, a shutdown
 * hook interrupts the waiting thread instead, and waits for it to finish the episode — recorded
 * without feedback — before the JVM stops.
 */
final class InterruptGuard implements AutoCloseable {
    /** How long the hook lets the run finish its episode (a few appends and one snapshot). */
    private static final long FINISH_SECONDS = 20;

    private final Thread waiting = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interruptAndWait, "self-heal-interrupt");
    private final Object lock = new Object();
    private boolean fired;
    private boolean atPrompt = true;

    InterruptGuard() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal interrupted the prompt. */
    boolean fired() {
        synchronized (lock) {
            return fired;
        }
    }

    /**
     * The prompt has returned: a signal from now on only waits for the episode to be recorded (an
     * interrupt would break the store's file channels). Clears an interrupt that raced with the answer.
     */
    void promptDone() {
        synchronized (lock) {
            atPrompt = false;
            Thread.interrupted();
        }
    }

    private void interruptAndWait() {
        synchronized (lock) {
            fired = true;
            if (atPrompt) {
                waiting.interrupt();
            }
        }
        try {
            finished.await(FINISH_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The episode is finished: the hook may let the JVM stop; without a signal, disarms it. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already stopping: the hook is running and now returns
        }
    }
}
