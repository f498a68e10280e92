package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's summary beside the snapshot: kept exact as episodes are learned, read without the whole log. */
class HistorySummaryStoreTest extends StoreTestBase {
    /** Enough episodes for several snapshots (the log grows by at least 64 KiB between two). */
    private static final int MANY = 250;

    @Test
    void theSummaryKeptWhileLearningIsTheOneTheWholeLogGives() throws IOException {
        PolicyStore store = store();
        learn(store, MANY);
        store.reset("tester");
        learn(store, 30);

        assertThat(Files.exists(store.summaryFile())).isTrue();
        assertThat(json(store.summary())).isEqualTo(json(HistorySummary.of(store.readLog())));
        assertThat(json(store().summary())).as("a new store: the file plus the log after it")
                .isEqualTo(json(HistorySummary.of(store.readLog())));
        assertThat(store.summary().total()).isEqualTo(30);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aViewReadsTheSummaryAndOnlyTheLogAfterIt() throws IOException {
        PolicyStore store = store();
        learn(store, MANY);
        HistorySummary before = store.summary();
        // spoil the log's first line, far before the summary's end and its checksum: a view that re-read the
        // whole log would lose that episode; one that reads the summary and the log after it does not
        byte[] log = Files.readAllBytes(store.episodeLog());
        log[10] = '#';
        Files.write(store.episodeLog(), log);

        assertThat(store().summary().total()).isEqualTo(MANY);
        assertThat(json(store().summary())).isEqualTo(json(before));
    }

    @Test
    void aCrashAfterTheAppendLeavesTheSummaryBehindAndTheNextReadCatchesUp() throws IOException {
        PolicyStore store = store();
        learn(store, MANY);
        long savedAt = savedLogBytes(store);
        // an update that appended its line and died before any snapshot or summary was written
        LogEntry.EpisodeEntry lost = Episodes.entry(store.read().generation(), clock.instant(), "latency_issue_UP",
                ActionKind.ESCALATE, -1, 0, -0.5);
        Files.writeString(store.episodeLog(), new String(PolicyJson.write(lost, false), StandardCharsets.UTF_8) + "\n",
                StandardOpenOption.APPEND);

        PolicyStore restarted = store();
        assertThat(savedLogBytes(restarted)).isEqualTo(savedAt).isLessThan(Files.size(store.episodeLog()));
        assertThat(restarted.summary().total()).isEqualTo(MANY + 1);
        assertThat(json(restarted.summary())).isEqualTo(json(HistorySummary.of(restarted.readLog())));
    }

    @Test
    void aSummaryThatDoesNotMatchTheLogIsRebuiltFromIt() throws IOException {
        PolicyStore store = store();
        learn(store, MANY);
        // the log replaced by a shorter history, the old summary left beside it
        List<String> lines = Files.readAllLines(store.episodeLog());
        Files.write(store.episodeLog(), lines.subList(0, 40));
        Files.delete(store.policyFile());

        PolicyStore restarted = store();
        assertThat(restarted.summary().total()).isEqualTo(40);
        assertThat(json(restarted.summary())).isEqualTo(json(HistorySummary.of(restarted.readLog())));
        // the same length but other bytes before the summary's end: the checksum tells them apart
        learn(restarted, MANY);
        long savedAt = savedLogBytes(restarted);
        String text = Files.readString(restarted.episodeLog());
        int last = text.lastIndexOf("\"outcome\":\"healed\"", (int) savedAt);
        Files.writeString(restarted.episodeLog(), text.substring(0, last) + "\"outcome\":\"failed\""
                + text.substring(last + "\"outcome\":\"healed\"".length()));
        assertThat(Files.size(restarted.episodeLog())).isEqualTo(text.length());
        assertThat(store().summary().count(Outcome.FAILED)).isEqualTo(1);
        assertThat(json(store().summary())).isEqualTo(json(HistorySummary.of(store().readLog())));
    }

    @Test
    void aMissingSummaryIsRebuiltFromTheLogAndWritten() throws IOException {
        PolicyStore store = store();
        learn(store, MANY);
        String expected = json(store.summary());
        Files.delete(store.summaryFile());

        assertThat(json(store().summary())).isEqualTo(expected);
        assertThat(store.summaryFile()).exists();
        assertThat(warnings).isEmpty();
    }

    @Test
    void concurrentLearnersKeepTheSummaryExact() throws Exception {
        int threads = 6;
        int each = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String state = "deployment_failure_" + (t % 2 == 0 ? "DOWN" : "UP");
            PolicyStore own = store(); // one store each, as separate processes or jobs would have
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    Episodes.learn(own, clock, state, ActionKind.values()[i % 5], i % 3 - 1);
                }
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        for (Future<?> f : done) {
            f.get();
        }

        HistorySummary summary = store().summary();
        assertThat(summary.total()).isEqualTo((long) threads * each);
        assertThat(summary.count(Outcome.HEALED)).isEqualTo((long) threads * each);
        assertThat(json(summary)).isEqualTo(json(HistorySummary.of(store().readLog())));
        assertThat(warnings).isEmpty();
    }

    @Test
    void bucketsStayBoundedAndCoverEveryEpisode() {
        HistorySummary summary = new HistorySummary();
        for (int i = 0; i < 1000; i++) {
            summary.apply(Episodes.entry("g", clock.instant().plusSeconds(i), "crash_DOWN", ActionKind.RETRY_DEPLOYMENT,
                    i % 2 == 0 ? 3 : -1, 0, 1));
        }

        assertThat(summary.buckets()).hasSizeLessThanOrEqualTo(HistorySummary.MAX_BUCKETS);
        assertThat(summary.buckets().stream().mapToLong(SummaryBucket::count).sum()).isEqualTo(1000);
        assertThat(summary.bucketWidth()).isEqualTo(8); // 1000 episodes in buckets of 8: 125 buckets
        SummaryBucket first = summary.buckets().get(0);
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.rewardMean()).isEqualTo(1.0); // 3, -1, 3, -1, ...
        assertThat(first.rewardSpread()).isEqualTo(2.0);
        assertThat(first.rewardMin()).isEqualTo(-1);
        assertThat(first.rewardMax()).isEqualTo(3);
        assertThat(summary.points()).hasSize(HistorySummary.POINTS);
        assertThat(summary.points().get(HistorySummary.POINTS - 1).index()).isEqualTo(1000);
    }

    private void learn(PolicyStore store, int episodes) throws IOException {
        String[] states = {"deployment_failure_DOWN", "latency_issue_UP", "crash_DOWN"};
        for (int i = 0; i < episodes; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            Episodes.learn(store, clock, states[i % 3], ActionKind.values()[i % 5], i % 4 - 1);
        }
    }

    private static long savedLogBytes(PolicyStore store) throws IOException {
        return PolicyJson.MAPPER.readTree(Files.readAllBytes(store.summaryFile())).path("logBytes").asLong();
    }

    private static String json(HistorySummary summary) {
        return new String(PolicyJson.write(summary, false), StandardCharsets.UTF_8);
    }
}
