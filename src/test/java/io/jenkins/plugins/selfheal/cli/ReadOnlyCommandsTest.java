package io.jenkins.plugins.selfheal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** export and report only read; a policy with nothing to rebuild it from is kept and refused. */
class ReadOnlyCommandsTest {
    @TempDir
    Path dir;

    /** Every file of a folder with its bytes. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Arrays.toString(Files.readAllBytes(f)));
            }
        }
        return files;
    }

    private CliRun learned() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "2");
        assertThat(run.exitCode).isIn(0, 1);
        return run;
    }

    @Test
    void exportAndReportChangeNothingWhenTheLogHasABadLine() throws IOException {
        CliRun run = learned();
        Files.writeString(run.policy().resolveSibling("policy.episodes.jsonl"), "{oops\n", StandardOpenOption.APPEND);
        Map<String, String> before = snapshot(run.logs());

        run.run("", "export", "--policy", run.policy().toString());
        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains("deployment_failure_DOWN");
        assertThat(run.stderr).contains("warning", "policy.episodes.jsonl").doesNotContain("self-heal-read");
        run.run("", "report", "--policy", run.policy().toString(), "--out", dir.resolve("r.html").toString());
        assertThat(run.exitCode).isZero();

        assertThat(snapshot(run.logs())).isEqualTo(before);
    }

    @Test
    void exportRebuildsFromTheLogWhenTheSnapshotIsMissingAsARunWould() throws IOException {
        CliRun run = learned();
        Files.delete(run.policy());
        Map<String, String> before = snapshot(run.logs());

        run.run("", "export", "--policy", run.policy().toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        JsonNode doc = PolicyJson.MAPPER.readTree(run.stdout);
        assertThat(doc.get("states").has("deployment_failure_DOWN")).isTrue();
        assertThat(snapshot(run.logs())).isEqualTo(before);
    }

    @Test
    void aTruncatedSnapshotWithNoLogIsKeptAndTheRunExitsTwo() throws IOException {
        CliRun run = learned();
        Files.delete(run.policy().resolveSibling("policy.episodes.jsonl"));
        byte[] full = Files.readAllBytes(run.policy());
        Files.write(run.policy(), Arrays.copyOf(full, full.length / 2));
        Map<String, String> before = snapshot(run.logs());
        byte[] data = Files.readAllBytes(run.dataset("student_scores.csv"));

        run.run("y\n", "--fail-type", "crash", "--seed", "3");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("policy.json", "no episode log", "left as it is");
        assertThat(snapshot(run.logs())).isEqualTo(before);
        assertThat(Files.readAllBytes(run.dataset("student_scores.csv"))).isEqualTo(data);

        run.run("", "export", "--policy", run.policy().toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(snapshot(run.logs())).isEqualTo(before);
        assertThat(new String(data, StandardCharsets.UTF_8)).isNotEmpty();
    }
}
