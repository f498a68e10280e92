package io.jenkins.plugins.selfheal.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** One writer process of section 4: prints READY, waits for the go file, runs its updates, prints RESULT. */
public final class WriterChild {
    private WriterChild() {
    }

    public static void main(String[] args) throws Exception {
        Path policy = Path.of(args[0]);
        int updates = Integer.parseInt(args[1]);
        Path go = Path.of(args[2]);
        // Warm up on a private file, so class loading and the JIT do not count as lock contention.
        Path scratch = Files.createTempDirectory("self-heal-writer");
        new FeedbackWriter(scratch.resolve("warm-up.json")).write(20);
        FeedbackWriter writer = new FeedbackWriter(policy);
        System.out.println("READY");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        writer.write(updates);
        System.out.println("RESULT end_ms=" + System.currentTimeMillis());
    }
}
