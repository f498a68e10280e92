package io.jenkins.plugins.selfheal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs Debian's headless Chromium on a page: the DOM after the scripts ran, or a screenshot. */
public final class HeadlessChromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final String MISSING = "headless Chromium is not installed at " + BINARY
            + " (apt-get install -y chromium): browser checks skipped";

    private HeadlessChromium() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The serialised DOM once the page's scripts ran (virtual time lets fetches and timers settle). */
    public static String dumpDom(Path html) throws IOException, InterruptedException {
        return dumpDom(html.toAbsolutePath().toUri().toString());
    }

    public static String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    public static void screenshot(Path html, Path png) throws IOException, InterruptedException {
        screenshot(html.toAbsolutePath().toUri().toString(), png);
    }

    /** A 1400 × 1000 screenshot of a page once its scripts ran. */
    public static void screenshot(String url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=1400,1000", "--hide-scrollbars");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("Chromium wrote no screenshot to " + png);
        }
    }

    private static String run(String url, String... mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("self-heal-chromium-");
        Path errors = profile.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        command.addAll(List.of(mode));
        command.add(url);
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        try {
            byte[] out = process.getInputStream().readAllBytes(); // drained before waiting: a full pipe would block
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new IOException("Chromium did not finish in 90 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("Chromium exited with " + process.exitValue() + ": " + Files.readString(errors));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            deleteTree(profile);
        }
    }

    /** Best effort: a helper process of Chromium may still hold a file for a moment. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // left in the temp folder
        }
    }
}
