package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hot episode log moves into gzip segments; every reader sees each episode exactly once. */
class LogSegmentsTest extends StoreTestBase {
    /** Past this the hot file rotates at the next snapshot (one about every 64 KiB of log). */
    private static final long SMALL = 16 * 1024;

    @BeforeEach
    void smallSegments() {
        LogRotation.segmentBytes = SMALL;
    }

    @AfterEach
    void defaults() {
        LogRotation.segmentBytes = LogRotation.SEGMENT_BYTES;
        LogRotation.hook = step -> { };
    }

    @Test
    void theHotLogMovesIntoSegmentsAndEveryReaderSeesEachEpisodeOnce() throws IOException {
        PolicyStore store = store();
        List<String> ids = SegmentFixtures.learn(store, clock, 600);

        assertThat(Files.exists(dir.resolve("policy.episodes.000001.jsonl.gz"))).isTrue();
        assertThat(Files.exists(dir.resolve("policy.episodes.000002.jsonl.gz"))).isTrue();
        assertThat(Files.exists(dir.resolve("policy.episodes.000001.ids"))).isTrue();
        assertThat(Files.size(store.episodeLog())).isLessThan(SMALL + 70_000);
        if (Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            // as a plain new file (the log's were before its first move), not the owner-only of a temporary file
            var plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
            for (String name : List.of("policy.episodes.jsonl", "policy.episodes.000001.jsonl.gz", "policy.episodes.000001.ids")) {
                assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as(name).isEqualTo(plain);
            }
        }
        SegmentFixtures.assertExactlyOnce(store(), ids);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aMissingSummaryAndAMissingSnapshotAreRebuiltFromTheSegmentsAndTheHotFile() throws IOException {
        PolicyStore store = store();
        List<String> ids = SegmentFixtures.learn(store, clock, 400);
        String summary = SegmentFixtures.json(store.summary());
        byte[] export = store.export();
        Files.delete(store.summaryFile());
        Files.delete(store.policyFile());

        PolicyStore restarted = store();
        assertThat(SegmentFixtures.json(restarted.summary())).isEqualTo(summary);
        assertThat(restarted.read().episodes()).isEqualTo(ids.size());
        assertThat(restarted.read().table()).isEqualTo(PolicyJson.readDocument(export, "export").toPolicy("export", "job-a").table());
        SegmentFixtures.assertExactlyOnce(store(), ids);
    }

    @Test
    void afterARestartLearningReadsTheSegmentsIndexesNotTheSegments() throws IOException {
        List<String> ids = SegmentFixtures.learn(store(), clock, 400);
        // spoil segment 1 entirely: a restarted store that learns, or draws its summary, must not need to read it
        Files.write(dir.resolve("policy.episodes.000001.jsonl.gz"), new byte[] {1, 2, 3});

        PolicyStore restarted = store();
        clock.advance(Duration.ofMinutes(1));
        Episodes.learn(restarted, clock, "crash_DOWN", ActionKind.RETRY_DEPLOYMENT, 1);
        assertThat(restarted.summary().total()).isEqualTo(ids.size() + 1);
        assertThat(store().read().episodes()).isEqualTo(ids.size() + 1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void whatAViewReadsAfterARestartReadsNoSegment() throws IOException {
        List<String> ids = SegmentFixtures.learn(store(), clock, 400);
        String summary = SegmentFixtures.json(store().summary());
        java.nio.file.Path away = Files.createDirectories(dir.resolve("away"));
        try (var files = Files.list(dir)) {
            // the indexes stay: the summary's checksum at a cut reads the last one's final bytes
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).toList()) {
                Files.move(f, away.resolve(f.getFileName()));
            }
        }

        PolicyStore restarted = store(); // what ViewJson reads: the policy and the summary
        assertThat(restarted.read().episodes()).isEqualTo(ids.size());
        assertThat(SegmentFixtures.json(restarted.summary())).isEqualTo(summary);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aMissingOrDamagedIndexIsRebuiltFromItsSegment() throws IOException {
        PolicyStore store = store();
        SegmentFixtures.learn(store, clock, 400);
        List<LogEntry> log = store.readLog();
        java.nio.file.Path second = dir.resolve("policy.episodes.000002.ids");
        byte[] intact = Files.readAllBytes(second);
        Files.delete(dir.resolve("policy.episodes.000001.ids"));
        byte[] damaged = intact.clone();
        damaged[damaged.length - 12] ^= 1; // one bit of the last hash
        Files.write(second, damaged);

        LearnedEpisodes learned = new LearnedEpisodes(new StoreFiles(store.policyFile(), clock));
        for (LogEntry entry : log) {
            String id = ((LogEntry.EpisodeEntry) entry).id();
            assertThat(learned.find(id)).as(id).isPresent();
        }
        assertThat(Files.readAllBytes(second)).isEqualTo(intact);
        assertThat(dir.resolve("policy.episodes.000001.ids")).exists();
    }

    @Test
    void aMissingSegmentIsNamedNotSkipped() throws IOException {
        SegmentFixtures.learn(store(), clock, 400);
        Files.delete(dir.resolve("policy.episodes.000001.jsonl.gz"));

        assertThatThrownBy(() -> store().readLog()).isInstanceOf(IOException.class)
                .hasMessage("policy.episodes.000001.jsonl.gz is missing: policy.episodes.jsonl continues 2 segments, "
                        + "and the episodes of this one cannot be read");
    }

    @Test
    void aDamagedFirstLineIsRefusedInOneLineAndChangesNothing() throws IOException {
        SegmentFixtures.learn(store(), clock, 400);
        java.nio.file.Path hot = dir.resolve("policy.episodes.jsonl");
        String text = Files.readString(hot);
        Files.writeString(hot, text.replaceFirst("\"segments\":", "\"segments\":\u0007"));
        byte[] before = Files.readAllBytes(hot);
        List<String> files = Episodes.fileNames(dir);

        for (var read : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(() -> store().readLog(),
                () -> store().read(), () -> store().writeLog(new ByteArrayOutputStream()))) {
            assertThatThrownBy(read).isInstanceOf(PolicyFormatException.class)
                    .hasMessageStartingWith("policy.episodes.jsonl: unreadable first line (the segments it continues): "
                            + "{\"type\":\"continued\",\"segments\":?").hasMessageNotContaining("\u0007");
        }
        assertThat(Files.readAllBytes(hot)).isEqualTo(before);
        assertThat(Episodes.fileNames(dir)).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void anEpisodeLoggedInASegmentIsNotLearnedAgain() throws IOException {
        PolicyStore store = store();
        SegmentFixtures.learn(store, clock, 400);
        LogEntry.EpisodeEntry first = (LogEntry.EpisodeEntry) store.readLog().get(0);

        PolicyStore restarted = store();
        assertThatThrownBy(() -> restarted.update(policy -> {
            policy.recordEpisode(first);
            return null;
        })).isInstanceOf(EpisodeAlreadyLearnedException.class);
        assertThat(new LearnedEpisodes(new StoreFiles(store.policyFile(), clock)).find(first.id()))
                .hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(first.id()));
        assertThat(new LearnedEpisodes(new StoreFiles(store.policyFile(), clock)).find("never-logged")).isEqualTo(Optional.empty());
    }

    @Test
    void aCrashAtEveryStepOfARotationLosesNothingAndCountsNothingTwice() throws IOException {
        for (LogRotation.Step step : LogRotation.Step.values()) {
            java.nio.file.Path folder = Files.createDirectories(dir.resolve(step.name()));
            PolicyStore store = new PolicyStore(folder.resolve("policy.json"), "job-a", clock, warnings::add);
            List<String> ids = new java.util.ArrayList<>(SegmentFixtures.learn(store, clock, 150)); // one rotation done
            boolean[] crashed = {false};
            LogRotation.hook = at -> {
                if (at == step) {
                    crashed[0] = true;
                    throw new IOException("simulated crash after " + at);
                }
            };
            while (!crashed[0]) {
                ids.addAll(SegmentFixtures.learn(store, clock, 1));
            }
            LogRotation.hook = at -> { };

            PolicyStore restarted = new PolicyStore(folder.resolve("policy.json"), "job-a", clock, warnings::add);
            SegmentFixtures.assertExactlyOnce(restarted, ids);
            // and the next rotation goes past whatever the crash left
            ids.addAll(SegmentFixtures.learn(restarted, clock, 150));
            SegmentFixtures.assertExactlyOnce(new PolicyStore(folder.resolve("policy.json"), "job-a", clock, warnings::add), ids);
        }
        assertThat(warnings).hasSize(LogRotation.Step.values().length)
                .allSatisfy(w -> assertThat(w).contains("could not move the start of policy.episodes.jsonl into a segment"));
    }

    @Test
    void readersWithoutTheLockNeverSeeAnEpisodeTwiceOrLoseOneWhileTheLogRotates() throws Exception {
        PolicyStore learner = store();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<List<String>> learned = pool.submit(() -> SegmentFixtures.learn(learner, clock, 500));
        long lastLines = 0;
        long lastTotal = 0;
        long lastEpisodes = 0;
        int reads = 0;
        while (!learned.isDone() || reads == 0) {
            PolicyStore reader = store(); // a page or another process: no lock
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reader.writeLog(out);
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"episode\"")).toList();
            assertThat(lines).doesNotHaveDuplicates();
            assertThat((long) lines.size()).isGreaterThanOrEqualTo(lastLines);
            long total = reader.summary().total();
            long episodes = reader.read().episodes();
            assertThat(total).isGreaterThanOrEqualTo(Math.max(lastTotal, lines.size()));
            assertThat(episodes).isGreaterThanOrEqualTo(lastEpisodes);
            lastLines = lines.size();
            lastTotal = total;
            lastEpisodes = episodes;
            reads++;
        }
        pool.shutdown();
        List<String> ids = learned.get();
        assertThat(Files.exists(dir.resolve("policy.episodes.000003.jsonl.gz"))).isTrue();
        SegmentFixtures.assertExactlyOnce(store(), ids);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aMissingSummaryIsRebuiltBeforeTheUpdateTakesTheLock() throws Exception {
        List<String> ids = new java.util.ArrayList<>(SegmentFixtures.learn(store(), clock, 300));
        Files.delete(dir.resolve("policy.summary.json"));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Future<?> holder = pool.submit(() -> StoreLock.withLock(dir.resolve("policy.json"), () -> {
            held.countDown(); // another process's long update
            try {
                return release.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }));
        assertThat(held.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        java.util.concurrent.Future<List<String>> learner = pool.submit(() -> SegmentFixtures.learn(store(), clock, 1));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(dir.resolve("policy.summary.json")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean rebuiltWhileLocked = Files.exists(dir.resolve("policy.summary.json"));
        release.countDown();
        holder.get();
        ids.addAll(learner.get());
        pool.shutdown();

        assertThat(rebuiltWhileLocked).as("the summary was rebuilt while another held the lock").isTrue();
        SegmentFixtures.assertExactlyOnce(store(), ids);
    }

    @Test
    void aLogWithoutSegmentsReadsAsBefore() throws IOException {
        LogRotation.segmentBytes = LogRotation.SEGMENT_BYTES;
        PolicyStore store = store();
        List<String> ids = SegmentFixtures.learn(store, clock, 100);

        assertThat(Files.readString(store.episodeLog())).startsWith("{\"type\":\"episode\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.writeLog(out);
        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(store.episodeLog()));
        SegmentFixtures.assertExactlyOnce(store(), ids);
    }

    @Test
    void aCopyOfTheFilesReadsTheSameHistory() throws IOException {
        List<String> ids = SegmentFixtures.learn(store(), clock, 400);
        java.nio.file.Path copy = Files.createDirectories(dir.resolve("copy"));
        store().copyFilesTo(copy);

        SegmentFixtures.assertExactlyOnce(new PolicyStore(copy.resolve("policy.json"), "job-a", clock, warnings::add), ids);
        assertThat(new String(store().export(), StandardCharsets.UTF_8))
                .isEqualTo(new String(new PolicyStore(copy.resolve("policy.json"), "job-a", clock, warnings::add).export(),
                        StandardCharsets.UTF_8));
    }
}
