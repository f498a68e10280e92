package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jenkins.plugins.selfheal.engine.store.CountingUpdater.ACTION;
import static io.jenkins.plugins.selfheal.engine.store.CountingUpdater.STATE;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyStoreConcurrencyTest {
    @TempDir
    Path dir;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private PolicyStore store() {
        return new PolicyStore(dir.resolve("policy.json"), "shared", Clock.systemUTC(), warnings::add);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sixteenThreadsLoseNoUpdate() throws Exception {
        int threads = 16;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            PolicyStore own = store(); // a store object per thread, as separate builds would have
            futures.add(pool.submit(() -> {
                start.await();
                CountingUpdater.increment(own, each);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertCount(threads * each);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void severalProcessesLoseNoUpdate() throws Exception {
        int processes = 3;
        int each = 25;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    CountingUpdater.class.getName(), dir.resolve("policy.json").toString(), String.valueOf(each))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child-" + p + ".out").toFile());
            children.add(builder.start());
        }
        // this JVM takes part too, through the in-process lock and the file lock
        CountingUpdater.increment(store(), each);
        for (int p = 0; p < processes; p++) {
            Process child = children.get(p);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child %d finished", p).isTrue();
            String output = Files.readString(dir.resolve("child-" + p + ".out"), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as("child %d exit code; output:%n%s", p, output).isZero();
            assertThat(output).as("child %d output", p).isBlank();
        }

        assertCount((processes + 1) * each);
    }

    private void assertCount(int expected) throws IOException {
        QTable table = store().read().table();
        QEntry cell = table.entry(STATE, ACTION);
        assertThat(cell.visits()).isEqualTo(expected);
        assertThat(cell.value()).isEqualTo(expected);
        assertThat(store().read().episodes()).isEqualTo(expected);
        assertThat(Files.readAllLines(store().episodeLog())).hasSize(expected);
        assertThat(store().readLog()).hasSize(expected);
        assertThat(warnings).isEmpty();
        // the log alone gives the same table
        Files.writeString(store().policyFile(), "x");
        assertThat(store().read().table().entry(STATE, ACTION)).isEqualTo(cell);
    }
}
