package io.jenkins.plugins.selfheal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.selfheal.engine.detect.InvalidRuleSetException;
import io.jenkins.plugins.selfheal.engine.detect.RuleSetLoader;
import io.jenkins.plugins.selfheal.engine.store.PolicyFormatException;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.store.SeedQTableCsv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Issue 10 item 9: every other parser of outside input fed arbitrary bytes: the rule-set JSON
 * loader, the policy snapshot loader, the episode-log reader, {@code import} of a policy JSON and
 * of the original's {@code rl_log.csv}. Only the documented error type may escape, naming the file
 * (or import source) it is about. {@code mvn verify} runs the corpus in
 * {@code InputsFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/fuzz}).
 */
class InputsFuzzTest {
    private static final Path WORK = workDirectory();

    @FuzzTest(maxDuration = "5s")
    void ruleSetLoader(byte[] data) throws IOException {
        Path file = Files.write(WORK.resolve("rules.json"), data);
        try {
            RuleSetLoader.load(file);
        } catch (InvalidRuleSetException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        }
    }

    /** A damaged snapshot is moved aside and the policy rebuilt from the log: it always loads. */
    @FuzzTest(maxDuration = "5s")
    void snapshotLoader(byte[] data) throws IOException {
        Path dir = freshStore();
        try {
            Files.write(dir.resolve("policy.json"), data);
            assertThat(store(dir).read()).isNotNull();
        } finally {
            delete(dir);
        }
    }

    /** Unreadable log lines are reported and skipped; a log that cannot be replayed names the policy file. */
    @FuzzTest(maxDuration = "5s")
    void episodeLogReader(byte[] data) throws IOException {
        Path dir = freshStore();
        try {
            Files.write(dir.resolve("policy.episodes.jsonl"), data);
            PolicyStore store = store(dir);
            store.readLog();
            store.read();
        } catch (PolicyFormatException e) {
            assertThat(e.getMessage()).contains("policy");
        } catch (IOException e) {
            // a first line naming segments that are not there: a lost file, named in one line
            assertThat(e.getMessage()).matches("policy\\.episodes\\.\\d{6}\\.jsonl\\.gz is missing: [^\\n]*");
        } finally {
            delete(dir);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void importJson(byte[] data) throws IOException {
        Path dir = freshStore();
        try {
            store(dir).importDocument(data, "fuzz.json", "tester");
        } catch (PolicyFormatException e) {
            assertThat(e.source()).isEqualTo("fuzz.json");
            assertThat(e.getMessage()).startsWith("fuzz.json: ");
        } finally {
            delete(dir);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void importRlLog(byte[] data) throws IOException {
        try {
            SeedQTableCsv.read(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8), "rl_log.csv");
        } catch (PolicyFormatException e) {
            assertThat(e.source()).isEqualTo("rl_log.csv");
            assertThat(e.getMessage()).startsWith("rl_log.csv").doesNotContain("\n");
        }
    }

    private static PolicyStore store(Path dir) {
        return new PolicyStore(dir.resolve("policy.json"), "fuzz", Clock.systemUTC(), warning -> { });
    }

    private static Path freshStore() throws IOException {
        return Files.createTempDirectory(WORK, "store");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fuzz-inputs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
