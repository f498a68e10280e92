package io.jenkins.plugins.selfheal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A JSON rule set and its own data set: normal rows keep its rules, --force-anomaly breaks one. */
class CustomRulesTest {
    @TempDir
    Path dir;

    private Path data;
    private Path rules;

    private CliRun prepared(String columns) throws IOException {
        CliRun run = new CliRun(dir);
        data = dir.resolve("orders.csv");
        Files.writeString(data, "id,amount,status\nA1,120,paid\nA2,80,open\n");
        rules = dir.resolve("orders.json");
        Files.writeString(rules, "{\"name\": \"orders\", \"columns\": [" + columns + "]}");
        return run;
    }

    private static final String RULES = "{\"name\": \"id\", \"type\": \"text\", \"required\": true},"
            + "{\"name\": \"amount\", \"type\": \"number\", \"min\": 0, \"max\": 1000, \"meanMin\": 10},"
            + "{\"name\": \"status\", \"type\": \"text\", \"allowed\": [\"paid\", \"open\"]}";

    @Test
    void forcedAnomalyBreaksARuleOfTheGivenRuleSet() throws IOException {
        CliRun run = prepared(RULES).run("", "--dataset", data.toString(), "--rules", rules.toString(),
                "--force-anomaly", "--seed", "1", "--feedback", "none");

        assertThat(run.exitCode).as(run.stderr).isIn(0, 1);
        assertThat(run.stdout).contains("1 anomalous row(s) appended", "state anomaly_orders_UP", "amount: 1010 above 1000");
        assertThat(Files.readAllLines(data)).hasSize(4);
    }

    @Test
    void aNormalRowKeepsEveryRule() throws IOException {
        CliRun run = prepared(RULES).run("", "--dataset", data.toString(), "--rules", rules.toString(),
                "--seed", "2", "--feedback", "none");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).contains("1 normal row(s) appended", "state no_failure_UP");
        assertThat(Files.readAllLines(data)).hasSize(4).last().asString().matches("[^,]+,[0-9]+,(paid|open)");
    }

    @Test
    void aRuleSetNoRowCanBreakIsRefusedBeforeAnythingChanges() throws IOException {
        CliRun run = prepared("{\"name\": \"id\", \"type\": \"text\"}, {\"name\": \"amount\", \"type\": \"number\"},"
                + "{\"name\": \"status\", \"type\": \"text\"}");
        byte[] before = Files.readAllBytes(data);

        run.run("", "--dataset", data.toString(), "--rules", rules.toString(), "--force-anomaly");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("--force-anomaly", "orders", "no rule a row can break");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }
}
