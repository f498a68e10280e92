package io.jenkins.plugins.selfheal.realjenkins;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting on a condition, never on a fixed sleep: polls until it holds, with a generous deadline
 * (the machines are shared and slow at times), and fails naming what it waited for.
 */
public final class Waits {
    /** What most waits in the suite allow: a build step, a page, a state change. */
    public static final Duration DEFAULT = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 200;

    private Waits() {
    }

    /** A check that may fail for I/O reasons while the system settles (they count as "not yet"). */
    @FunctionalInterface
    public interface Check<T> {
        T get() throws Exception;
    }

    /** Waits until {@code condition} is true. */
    public static void until(Duration deadline, Supplier<String> what, Check<Boolean> condition) throws InterruptedException {
        value(deadline, what, () -> Boolean.TRUE.equals(condition.get()) ? Optional.of(true) : Optional.empty());
    }

    /** Waits until {@code probe} gives a value, and returns it. */
    public static <T> T value(Duration deadline, Supplier<String> what, Check<Optional<T>> probe) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        Exception last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (AssertionError e) {
                throw e; // a definite failure (e.g. the process died): no point in waiting
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > end) {
                AssertionError timeout = new AssertionError("not within " + deadline.toSeconds() + " s: " + what.get());
                if (last != null) {
                    timeout.initCause(last);
                }
                throw timeout;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
