package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.ACTION;
import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.STATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 8: a truncated or garbage snapshot, and a truncated or garbage log tail, at random,
 * 40 rounds ({@code -Dselfheal.faults.seed=S} to replay). After each the policy loads, the log's episodes
 * are the planned prefix (a cut log loses its last line, and the writer goes on from there), each once.
 */
class TornFilesTest extends PolicyFolderTest {

    @Test
    void damagedSnapshotsAndLogTailsAreRepairedWithoutLosingOrRepeatingAnEpisode() throws Exception {
        long seed = Long.getLong("selfheal.faults.seed", System.nanoTime());
        Random random = new Random(seed);
        Path snapshot = dir.resolve("policy.json");
        Path log = dir.resolve("policy.episodes.jsonl");
        int next = 0;
        for (int round = 0; round < 40; round++) {
            for (int i = random.nextInt(1, 6); i > 0; i--, next++) {
                FaultEpisodes.learn(store(), "e" + next);
            }
            String fault = switch (random.nextInt(4)) {
                case 0 -> cut(snapshot, random) ? "truncated snapshot" : "no snapshot";
                case 1 -> garbage(snapshot, random, false) ? "garbage snapshot" : "no snapshot";
                case 2 -> cutLastLine(log, random);
                default -> garbage(log, random, true) ? "garbage log tail" : "no log";
            };
            String context = "round " + round + " (" + fault + ", seed " + seed + ")";
            Policy loaded = store().read();
            List<String> ids = FaultEpisodes.loggedIds(store());
            int n = ids.size();
            assertThat(ids).as(context).containsExactlyElementsOf(IntStream.range(0, n).mapToObj(i -> "e" + i).toList());
            assertThat(n).as(context + ": only a cut log loses an episode").isGreaterThanOrEqualTo(
                    fault.startsWith("cut log") ? next - 1 : next);
            assertThat(loaded.episodes()).as(context).isEqualTo(n);
            assertThat(loaded.table().entry(STATE, ACTION).visits()).as(context).isEqualTo(n);
            next = n;
        }
        System.out.println("TornFilesTest: 40 rounds, seed " + seed + ", " + warnings.size() + " warnings");
    }

    private static boolean cut(Path file, Random random) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(random.nextLong(raf.length()));
        }
        return true;
    }

    private static boolean garbage(Path file, Random random, boolean append) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        byte[] bytes = new byte[random.nextInt(1, 300)];
        random.nextBytes(bytes);
        if (append) {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } else {
            Files.write(file, bytes);
        }
        return true;
    }

    /** Cuts the log inside its last line (a crash that lost the end of an append). */
    private static String cutLastLine(Path log, Random random) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int end = bytes.length - 1; // the last newline
        int start = end - 1;
        while (start >= 0 && bytes[start] != '\n') {
            start--;
        }
        if (bytes[end] != '\n') {
            return "torn log left as it was";
        }
        try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "rw")) {
            raf.setLength(random.nextInt(start + 1, end + 1)); // from the line's first byte to just before its newline
        }
        return "cut log";
    }
}
