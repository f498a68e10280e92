package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.ACTION;
import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.STATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 8: two writer processes and 16 threads learn into one policy at once, the threads
 * repeating every third episode (a second click): every episode is logged once, in each writer's order.
 */
class CrowdTest extends PolicyFolderTest {
    private static final int PROCESS_EPISODES = 40;
    private static final int THREAD_EPISODES = 12;


    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesAndSixteenThreadsLearnEveryEpisodeOnce() throws Exception {
        Path policy = dir.resolve("policy.json");
        List<WriterProcess> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(WriterProcess.start(policy, null, dir.resolve("p" + p + ".err")).awaitReady());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            String prefix = "t" + t + "-";
            threads.add(pool.submit(() -> {
                start.await();
                PolicyStore own = store(); // a store object per thread, as separate builds have
                for (int i = 0; i < THREAD_EPISODES; i++) {
                    FaultEpisodes.learn(own, prefix + i);
                    if (i % 3 == 2) {
                        FaultEpisodes.learn(store(), prefix + (i - 1)); // a repeat, from another store object
                    }
                }
                return null;
            }));
        }
        for (int p = 0; p < 2; p++) {
            processes.get(p).go(0, PROCESS_EPISODES, "p" + p + "-");
        }
        start.countDown();
        for (Future<?> thread : threads) {
            thread.get(100, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (WriterProcess process : processes) {
            assertThat(process.finish()).isEqualTo(PROCESS_EPISODES - 1);
        }

        List<String> ids = FaultEpisodes.loggedIds(store());
        int total = 2 * PROCESS_EPISODES + 16 * THREAD_EPISODES;
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        for (String prefix : List.of("p0-", "p1-", "t0-", "t7-", "t15-")) {
            List<String> own = ids.stream().filter(id -> id.startsWith(prefix)).toList();
            int count = prefix.startsWith("p") ? PROCESS_EPISODES : THREAD_EPISODES;
            assertThat(own).as(prefix).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i).toList());
        }
        Policy loaded = store().read();
        assertThat(loaded.episodes()).isEqualTo(total);
        assertThat(loaded.table().entry(STATE, ACTION).visits()).isEqualTo(total);
        assertThat(warnings).isEmpty();
    }
}
