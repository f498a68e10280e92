package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that cannot write what it needs stops with exit 2 before it changes any file, and names the file. */
class RunPreflightTest {
    @TempDir
    Path dir;

    private CliRun run;
    private byte[] before;

    private void assertNothingChanged() throws IOException {
        assertThat(run.exitCode).as(run.stderr).isEqualTo(2);
        assertThat(run.stderr.lines()).hasSize(1);
        Path data = run.dataset("student_scores.csv");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
        assertThat(data.resolveSibling("student_scores.csv.bak")).doesNotExist();
    }

    private CliRun prepared() throws IOException {
        run = new CliRun(dir);
        before = Files.readAllBytes(run.dataset("student_scores.csv"));
        return run;
    }

    @Test
    void policyFileThatIsAFolderStopsTheRunBeforeTheDataSetChanges() throws IOException {
        prepared();
        Files.createDirectories(run.policy());

        run.run("y\n", "--fail-type", "crash", "--seed", "1");

        assertNothingChanged();
        assertThat(run.stderr).contains("--policy", run.policy().toString(), "folder");
        try (Stream<Path> files = Files.list(run.logs())) {
            assertThat(files).containsExactly(run.policy());
        }
    }

    @Test
    void logsPathThatIsAFileStopsTheRun() throws IOException {
        prepared();
        Path logs = dir.resolve("not-a-folder");
        Files.writeString(logs, "x");

        run.run("y\n", "--fail-type", "crash", "--seed", "1", "--logs", logs.toString(),
                "--policy", dir.resolve("p/policy.json").toString());

        assertNothingChanged();
        assertThat(run.stderr).contains("--logs", "not-a-folder", "not a folder");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void aLogFileThatCannotBeWrittenStopsTheRunAndIsNamed() throws IOException {
        prepared();
        Files.createDirectories(run.logs().resolve("rl_log.csv"));

        run.run("y\n", "--fail-type", "crash", "--seed", "1");

        assertNothingChanged();
        assertThat(run.stderr).contains("rl_log.csv", "not a regular file");
        assertThat(run.policy()).doesNotExist();
        assertThat(run.logs().resolve("deployment_log.csv")).doesNotExist();
    }

    @Test
    void aDataSetFolderIsNamedAsAFolder() throws IOException {
        prepared();

        run.run("", "--dataset", dir.resolve("dataset").toString(), "--rules", "student_scores");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--dataset", "is a folder").doesNotContain("file not found");
    }
}
