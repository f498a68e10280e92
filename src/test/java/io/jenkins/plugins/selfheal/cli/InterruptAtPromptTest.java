package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C at the prompt: the episode is finished without feedback, so no log is left half-written. */
class InterruptAtPromptTest {
    @TempDir
    Path dir;

    @Test
    void aSignalAtThePromptRecordsTheEpisodeWithoutFeedback() throws Exception {
        CliRun files = new CliRun(dir); // the data sets in the scratch folder
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SelfHealCli.class.getName(),
                "--fail-type", "crash", "--seed", "1", "--feedback-timeout", "120",
                "--logs", files.logs().toString(), "--dataset", files.dataset("student_scores.csv").toString())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(process.getInputStream(), out));
        pump.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!text(out).contains("(y/n): ") && Instant.now().isBefore(deadline) && process.isAlive()) {
                Thread.sleep(20); // polling for the prompt, bounded by the deadline
            }
            assertThat(text(out)).as("the prompt appeared").contains("(y/n): ");
            signal(process);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            process.destroyForcibly();
            pump.join(10_000);
        }

        assertThat(text(out)).contains("interrupted at the prompt: recording the episode without feedback");
        List<String> episodes = Files.readAllLines(files.logs().resolve("policy.episodes.jsonl"));
        assertThat(episodes).filteredOn(l -> l.contains("\"type\":\"episode\"")).singleElement().asString()
                .contains("\"feedback\":\"none\"");
        assertThat(files.logLines("rl_performance_log.csv")).hasSize(2);
        assertThat(files.logLines("rl_log.csv")).hasSize(2);
        assertThat(files.logs().resolve("user_feedback_log.csv")).doesNotExist();
    }

    /** SIGINT, as Ctrl-C sends, where there is a kill command; else the TERM signal Process.destroy sends. */
    private static void signal(Process process) throws IOException, InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            if (kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command here
        }
        process.destroy();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
