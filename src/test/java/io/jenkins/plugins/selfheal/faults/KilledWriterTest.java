package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.ACTION;
import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.STATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 8: a writer process learning into one policy is killed with SIGKILL at random points,
 * 200 times ({@code -Dselfheal.faults.kills=N} to change; {@code -Dselfheal.faults.seed=S} to replay).
 * Each next writer retries from the first episode it did not see acknowledged, as a person clicking
 * again would. After every kill: the policy loads, the log's episodes are a prefix of the planned
 * sequence holding every acknowledged one, and each is learned exactly once.
 */
class KilledWriterTest extends PolicyFolderTest {
    private static final int KILLS = Integer.getInteger("selfheal.faults.kills", 200);


    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWriterKilledAtRandomPointsLosesNoAcknowledgedEpisodeAndLearnsNoneTwice() throws Exception {
        killWriters(KILLS, 0);
    }

    /** The same while the writers move the log into segments at every snapshot (about every 64 KiB of log). */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWriterKilledWhileItMovesTheLogIntoSegmentsLosesNothingEither() throws Exception {
        killWriters(Math.max(20, KILLS / 4), 4096);
        assertThat(dir.resolve("policy.episodes.000001.jsonl.gz")).exists();
    }

    private void killWriters(int kills, long segmentBytes) throws Exception {
        long seed = Long.getLong("selfheal.faults.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("KilledWriterTest: " + kills + " kills, seed " + seed + ", segments past " + segmentBytes);
        Path policy = dir.resolve("policy.json");
        Path archive = dir.resolve("writer.jsa");
        Files.createDirectories(dir.resolve("warm-up"));
        WriterProcess recorder = WriterProcess.start(dir.resolve("warm-up/policy.json"), archive, dir.resolve("warm-up.err"))
                .awaitReady();
        recorder.go(0, 3, "w");
        recorder.finish();

        long acknowledged = -1;
        int durableButUnacknowledged = 0;
        long started = System.nanoTime();
        // the next two writers start their JVMs while one works, so the kills come fast
        java.util.ArrayDeque<WriterProcess> spares = new java.util.ArrayDeque<>();
        for (int i = 0; i < 2; i++) {
            spares.add(WriterProcess.start(policy, archive, dir.resolve("writer-" + i + ".err"), segmentBytes));
        }
        for (int kill = 0; kill < kills; kill++) {
            WriterProcess current = spares.remove().awaitReady();
            current.go(acknowledged + 1, -1, "e");
            spares.add(WriterProcess.start(policy, archive, dir.resolve("writer-" + (kill % 3) + ".err"), segmentBytes));
            // every other writer first gets one episode through, so the run makes progress on any machine;
            // the fault itself: SIGKILL after a random time (0-40 ms: before, between or inside updates)
            if (kill % 2 == 0) {
                current.awaitAck();
            }
            Thread.sleep(random.nextInt(41));
            long last = current.kill();
            acknowledged = Math.max(acknowledged, last);

            List<String> ids = FaultEpisodes.loggedIds(store());
            int n = ids.size();
            assertThat(ids).as("after kill %d (seed %d): a prefix of the planned episodes", kill, seed)
                    .containsExactlyElementsOf(LongStream.range(0, n).mapToObj(i -> "e" + i).toList());
            assertThat((long) n - 1).as("after kill %d (seed %d): every acknowledged episode is logged", kill, seed)
                    .isGreaterThanOrEqualTo(acknowledged);
            Policy loaded = store().read();
            assertThat(loaded.episodes()).as("after kill %d (seed %d): episodes counted once", kill, seed).isEqualTo(n);
            assertThat(loaded.table().entry(STATE, ACTION).visits()).as("after kill %d (seed %d): learned once", kill, seed)
                    .isEqualTo(n);
            assertThat(store().summary().total()).as("after kill %d (seed %d): the summary counts each once", kill, seed)
                    .isEqualTo(n);
            if (n - 1 > acknowledged) {
                durableButUnacknowledged++;
            }
        }
        for (WriterProcess spare : spares) {
            spare.kill();
        }
        System.out.printf("KilledWriterTest: %d kills in %.1f s; %d episodes acknowledged; %d kills after a durable but "
                        + "unacknowledged episode (its retry learned nothing); %d warnings (torn lines repaired)%n",
                kills, (System.nanoTime() - started) / 1e9, acknowledged + 1, durableButUnacknowledged, warnings.size());
        assertThat(acknowledged).as("the writers made progress").isGreaterThan(kills / 4);
    }
}
