package io.jenkins.plugins.selfheal.jenkins;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-Heal's threads keep no build's class loader alive and lose no error. */
class BackgroundTest {
    @Test
    void threadsStartedFromABuildsThreadGetThePluginsClassLoaderNotTheBuilds() throws Exception {
        ClassLoader build = new URLClassLoader(new URL[0], null); // stands for the build's Groovy class loader
        Queue<ClassLoader> seen = new ConcurrentLinkedQueue<>();
        int tasks = 24; // more than the idle threads left by other tests: new threads must be made
        CountDownLatch allRunning = new CountDownLatch(tasks);
        CountDownLatch release = new CountDownLatch(1);
        Thread cpsVm = new Thread(() -> {
            for (int i = 0; i < tasks; i++) {
                Background.submit(() -> {
                    seen.add(Thread.currentThread().getContextClassLoader());
                    allRunning.countDown();
                    release.await();
                }, t -> { });
            }
        });
        cpsVm.setContextClassLoader(build);
        cpsVm.start();
        cpsVm.join(TimeUnit.SECONDS.toMillis(30));
        try {
            assertThat(allRunning.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
        }
        assertThat(seen).hasSize(tasks).allMatch(loader -> loader == Background.class.getClassLoader());
    }

    @Test
    void anErrorTheStepCannotTakeIsLogged() throws Exception {
        Logger logger = Logger.getLogger(Background.class.getName());
        Queue<LogRecord> records = new ConcurrentLinkedQueue<>();
        CountDownLatch logged = new CountDownLatch(1);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
                logged.countDown();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            Future<?> f = Background.submit(() -> {
                throw new IllegalStateException("probe failed");
            }, t -> {
                throw new IllegalStateException("the step is gone");
            });
            f.get(30, TimeUnit.SECONDS);
            assertThat(logged.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            logger.removeHandler(handler);
        }
        LogRecord r = records.peek();
        assertThat(r.getThrown()).hasMessage("the step is gone");
        assertThat(List.of(r.getThrown().getSuppressed())).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("probe failed");
    }

    @Test
    void anInterruptedWorkStillReachesItsStep() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch handed = new CountDownLatch(1);
        Future<?> f = Background.submit(() -> {
            started.countDown();
            new CountDownLatch(1).await(); // blocks until interrupted
        }, t -> handed.countDown());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        f.cancel(true);
        assertThat(handed.await(30, TimeUnit.SECONDS)).as("the step hears of it, so it never hangs").isTrue();
    }
}
