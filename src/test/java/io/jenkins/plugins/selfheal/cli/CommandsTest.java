package io.jenkins.plugins.selfheal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.selfheal.SeedData;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, version, training batches, export and import. */
class CommandsTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryOptionOfTheOriginalAndOurs() throws IOException {
        CliRun run = new CliRun(dir).run("", "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains("--planner", "--fail-type", "--force-anomaly", "--dataset", "--train", "--policy",
                "--logs", "--seed", "--episodes", "--feedback", "--version", "Exit codes");
    }

    @Test
    void helpBreaksLinesOnlyWhereTheTerminalWidthDoes() {
        var cli = SelfHealCli.commandLine(new java.io.ByteArrayInputStream(new byte[0]), false);
        for (var command : List.of(cli, cli.getSubcommands().get("import"), cli.getSubcommands().get("restore"))) {
            assertThat(command.getCommandSpec().usageMessage().description()).as(command.getCommandName())
                    .allMatch(sentence -> sentence.endsWith("."));
        }
        String help = cli.getUsageMessage(picocli.CommandLine.Help.defaultColorScheme(picocli.CommandLine.Help.Ansi.OFF));
        assertThat(help).contains("Self-healing CI/CD simulation:").doesNotContain("high latency or\na data");
    }

    @Test
    void versionIsPrinted() throws IOException {
        CliRun run = new CliRun(dir).run("", "--version");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).startsWith("self-heal ");
    }

    @Test
    void fiveHundredAutoReviewedEpisodesLearnTheIntendedPolicy() throws IOException {
        CliRun run = new CliRun(dir).run("", "--episodes", "500", "--feedback", "auto", "--seed", "11");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains("the greedy policy is the intended one in every reachable state")
                .doesNotContain("(intended: ");
        assertThat(Files.readAllLines(run.logs().resolve("policy.episodes.jsonl"))).hasSize(500);
    }

    @Test
    void aTrainingBatchLogsItsSimulatedEpisodesApartFromPeoplesFeedbackAndDeployments() throws IOException {
        CliRun run = new CliRun(dir).run("", "--episodes", "20", "--feedback", "auto", "--seed", "3");

        assertThat(run.exitCode).isZero();
        List<String> training = run.logLines("training_log.csv");
        assertThat(training.get(0)).isEqualTo("timestamp,state,action,system_outcome,feedback,reward,reviewer");
        assertThat(training.subList(1, training.size())).isNotEmpty().allMatch(l -> l.endsWith(",simulated reviewer"));
        for (String original : List.of("user_feedback_log.csv", "rl_performance_log.csv", "deployment_log.csv",
                "healing_log.csv", "issue_log.csv", "uptime_log.csv")) {
            assertThat(run.logs().resolve(original)).as(original).doesNotExist();
        }
        assertThat(run.logs().resolve("rl_log.csv")).exists();
    }

    @Test
    void exportWritesTheDocumentAndImportTakesItBack() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "2");
        Path exported = dir.resolve("export.json");

        run.run("", "export", "--policy", run.policy().toString(), "--out", exported.toString());
        assertThat(run.exitCode).isZero();
        JsonNode doc = PolicyJson.MAPPER.readTree(exported.toFile());
        assertThat(doc.get("format").asText()).isEqualTo("self-heal-policy");
        assertThat(doc.get("states").has("deployment_failure_DOWN")).isTrue();

        Path other = dir.resolve("other.json");
        run.run("", "import", "--policy", other.toString(), exported.toString());
        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains("imported " + exported + ": 1 states in " + other);
        JsonNode copy = PolicyJson.MAPPER.readTree(other.toFile());
        assertThat(copy.get("states")).isEqualTo(doc.get("states"));
    }

    @Test
    void importsTheOriginalQTable() throws IOException {
        CliRun run = new CliRun(dir);
        Path seed = SeedData.copyInto("logs/rl_log.csv", dir.resolve("original"));

        run.run("", "import", "--policy", run.policy().toString(), seed.toString());

        assertThat(run.exitCode).isZero();
        JsonNode doc = PolicyJson.MAPPER.readTree(run.policy().toFile());
        assertThat(doc.get("states").get("deployment_failure_DOWN").get("retry_deployment").get("q").asDouble()).isEqualTo(-0.11791);
    }
}
