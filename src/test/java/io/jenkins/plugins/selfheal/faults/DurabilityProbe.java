package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run under strace by {@link StoreHygieneTest}: one atomic replace, then one append that creates its file. */
public final class DurabilityProbe {
    private DurabilityProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        AtomicFiles.write(dir.resolve("replaced.json"), "{}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.append(dir.resolve("created.log"), "line\n".getBytes(StandardCharsets.UTF_8));
    }
}
