package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A writer process for the fault suites. Loads its classes, prints {@code READY}, then waits for
 * {@code GO <first> <count> <prefix>} on stdin and learns episodes {@code <prefix><first>},
 * {@code <prefix><first+1>}, … printing {@code ACK <n>} once each update has returned; {@code count}
 * of -1 runs until it is killed. Exits normally after a finite count (used to record a class-data
 * archive, so the 200 killed writers start fast).
 */
public final class KillWriter {
    private KillWriter() {
    }

    /** Learns once into a scratch policy, so the first update after GO is as fast as the others. */
    private static void warmUp() throws IOException {
        Path scratch = java.nio.file.Files.createTempDirectory("kill-writer");
        try {
            PolicyStore store = FaultEpisodes.store(scratch.resolve("policy.json"), w -> { });
            FaultEpisodes.learn(store, "warm-up");
        } finally {
            try (var files = java.nio.file.Files.list(scratch)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(scratch);
        }
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        if (args.length > 1) { // the store's segment size, lowered so a short run moves its log into segments often
            var field = Class.forName("io.jenkins.plugins.selfheal.engine.store.LogRotation").getDeclaredField("segmentBytes");
            field.setAccessible(true);
            field.set(null, Long.parseLong(args[1]));
            FaultEpisodes.detail = "redeployed " + "x".repeat(7000); // a snapshot, and so a move, every ~9 episodes
        }
        PolicyStore store = FaultEpisodes.store(Path.of(args[0]), w -> System.err.println("warning: " + w));
        warmUp(); // load the classes before the clock starts
        store.read();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || !line.startsWith("GO ")) {
            return;
        }
        String[] go = line.split(" ");
        long first = Long.parseLong(go[1]);
        long count = Long.parseLong(go[2]);
        String prefix = go[3];
        for (long n = first; count < 0 || n < first + count; n++) {
            FaultEpisodes.learn(store, prefix + n);
            out.println("ACK " + n);
        }
    }
}
