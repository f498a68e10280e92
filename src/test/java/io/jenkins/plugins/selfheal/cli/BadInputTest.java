package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad usage and bad input: exit code 2, a message naming the field or file, no data lost. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void unknownPlannerIsBadUsage() throws IOException {
        CliRun run = new CliRun(dir).run("", "--planner", "greedy");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--planner", "greedy", "rl, random");
    }

    @Test
    void missingDataSetIsNamed() throws IOException {
        CliRun run = new CliRun(dir).run("", "--dataset", dir.resolve("nope.csv").toString(), "--rules", "student_scores");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--dataset: file not found:", "nope.csv");
    }

    @Test
    void dataSetWithoutARuleSetAsksForOne() throws IOException {
        Path other = dir.resolve("orders.csv");
        Files.writeString(other, "id,amount\n1,2\n");
        CliRun run = new CliRun(dir).run("", "--dataset", other.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("no built-in rule set matches", "--rules", "student_scores");
    }

    @Test
    void wrongHeaderIsReportedWithFileAndLineAndTheDataIsNotChanged() throws IOException {
        CliRun run = new CliRun(dir);
        Path data = run.dataset("student_scores.csv");
        Files.writeString(data, "when,who,what,points\n2025-01-01,Riya,Math,92\n");
        byte[] before = Files.readAllBytes(data);

        run.run("", "--fail-type", "crash");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("student_scores.csv:1", "header");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }

    @Test
    void corruptPolicyImportIsRefusedAndTheStoredPolicyKept() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "3");
        byte[] policy = Files.readAllBytes(run.policy());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"self-heal-policy\",\"version\":1,\"states\":{\"s\":{\"teleport\":{\"q\":1}}}}");

        run.run("", "import", "--policy", run.policy().toString(), bad.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("bad.json", "states.s.teleport", "unknown action");
        assertThat(Files.readAllBytes(run.policy())).isEqualTo(policy);
    }

    @Test
    void negativeEpisodesAreRefused() throws IOException {
        CliRun run = new CliRun(dir).run("", "--episodes", "-3");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--episodes must be >= 0");
    }

    @Test
    void outOfRangeEpsilonNamesTheField() throws IOException {
        CliRun run = new CliRun(dir).run("", "--epsilon", "1.5");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("epsilon must be between 0");
    }

    @Test
    void anUnclosedQuoteInAnOldRowIsRefusedWithFileLineAndColumnBeforeAnythingIsAppended() throws IOException {
        CliRun run = new CliRun(dir);
        Path data = run.dataset("student_scores.csv");
        Files.writeString(data, "timestamp,name,subject,score\n2025-01-01,\"Alice,Math,50\n2025-01-02,Riya,Math,92\n");
        byte[] before = Files.readAllBytes(data);

        run.run("", "--fail-type", "crash", "--seed", "1");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("student_scores.csv:2", "column").doesNotContain("Exception");
        assertThat(run.stderr.lines()).hasSize(1);
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
        assertThat(data.resolveSibling("student_scores.csv.bak")).doesNotExist();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--planner=foo", "--fail-type=boom", "--episodes=abc",
            "--seed=x", "--bogus", "export", "report --policy"})
    void optionErrorsAreOneLineWithAPointerToHelp(String args) throws IOException {
        CliRun run = new CliRun(dir).run("", args.split(" "));

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr.lines()).as(run.stderr).hasSize(1).first().asString()
                .startsWith("self-heal: ").contains("--help").doesNotContain("Usage");
    }

    @Test
    void aBinaryImportIsNamedAsNotText() throws IOException {
        CliRun run = new CliRun(dir);
        for (String name : new String[] {"table.csv", "policy.json"}) {
            Path binary = dir.resolve(name);
            Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, 10});

            run.run("", "import", "--policy", run.policy().toString(), binary.toString());

            assertThat(run.exitCode).isEqualTo(2);
            assertThat(run.stderr).contains(name, "UTF-8").doesNotContain("Input length");
        }
        assertThat(run.policy()).doesNotExist();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"[1, 2]", "{\"foo\": 1}", "\"text\"", "{\"states\": 3}",
            "{\"states\": {\"a\": {\"retry_deployment\": {\"q\": \"x\"}}}}"})
    void anotherJsonImportNamesNoJavaClass(String json) throws IOException {
        CliRun run = new CliRun(dir);
        Path other = dir.resolve("other.json");
        Files.writeString(other, json);

        run.run("", "import", "--policy", run.policy().toString(), other.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("other.json").doesNotContain("io.jenkins", "PolicyDocument", "`", "Exception");
        assertThat(run.stderr.lines()).hasSize(1);
    }

    @Test
    void aReportThatCannotBeWrittenNamesTheOutputNotATemporaryFile() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "1");
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");

        run.run("", "report", "--policy", run.policy().toString(), "--out", notAFolder.resolve("r.html").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--out", "plain-file").doesNotContain(".tmp");
    }

    @Test
    void zeroEpisodesRunNothingAndChangeNothing() throws IOException {
        CliRun run = new CliRun(dir);
        byte[] data = Files.readAllBytes(run.dataset("student_scores.csv"));

        run.run("y\n", "--episodes", "0", "--fail-type", "crash");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains("no episodes").doesNotContain("USER FEEDBACK");
        assertThat(Files.readAllBytes(run.dataset("student_scores.csv"))).isEqualTo(data);
        assertThat(run.logs()).doesNotExist();
    }

    @Test
    void maxHealsHasTheStepsLimitOfTen() throws IOException {
        CliRun run = new CliRun(dir).run("", "--max-heals", "11");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--max-heals must be between 1 and 10, was 11");

        run.run("", "--max-heals", "10", "--fail-type", "crash", "--feedback", "none", "--seed", "1");
        assertThat(run.exitCode).as(run.stderr).isIn(0, 1);
    }
}
