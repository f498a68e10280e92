package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.SeedData;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTART_SERVICE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedQTableCsvTest {
    /** A copy of the original simulation's logs/rl_log.csv. */
    static final String SEED_RL_LOG = """
            ,retry_deployment,restore_previous_version,adjust_thresholds
            deployment_failure_UP,-0.1,-0.19,-0.1
            deployment_failure_DOWN,-0.11791,-0.19,-0.1
            latency_issue_UP,-0.1,-0.1,0.3
            latency_issue_DOWN,-0.1,-0.1,0.5700000000000001
            anomaly_score_UP,0.0,0.0,0.0
            anomaly_score_DOWN,0.0,0.0,0.0
            anomaly_health_UP,0.0,-0.1,0.0
            anomaly_health_DOWN,0.0,0.0,-0.1
            """;

    private static void assertIsTheSeedTable(QTable table) {
        assertThat(table.states()).containsExactly("deployment_failure_UP", "deployment_failure_DOWN", "latency_issue_UP",
                "latency_issue_DOWN", "anomaly_score_UP", "anomaly_score_DOWN", "anomaly_health_UP", "anomaly_health_DOWN");
        assertThat(table.value("deployment_failure_DOWN", RETRY_DEPLOYMENT)).isEqualTo(-0.11791);
        assertThat(table.value("deployment_failure_UP", RESTORE_PREVIOUS_VERSION)).isEqualTo(-0.19);
        assertThat(table.value("latency_issue_DOWN", ADJUST_THRESHOLDS)).isEqualTo(0.5700000000000001);
        assertThat(table.value("anomaly_health_DOWN", ADJUST_THRESHOLDS)).isEqualTo(-0.1);
        assertThat(table.value("latency_issue_UP", RESTART_SERVICE)).isZero();
        assertThat(table.totalVisits()).isZero();
    }

    @Test
    void readsTheSeedLogShippedWithTheTests() throws IOException {
        try (Reader reader = new StringReader(SeedData.text("logs/rl_log.csv"))) {
            assertIsTheSeedTable(SeedQTableCsv.read(reader, "rl_log.csv"));
        }
    }

    @Test
    void readsAnInlineCopyOfTheSeedLog() throws IOException {
        assertIsTheSeedTable(SeedQTableCsv.read(new StringReader(SEED_RL_LOG), "inline"));
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        QTable table = SeedQTableCsv.read(new StringReader(SEED_RL_LOG), "inline");
        List<ActionKind> columns = List.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, ADJUST_THRESHOLDS);
        String written = SeedQTableCsv.write(table, columns);

        assertThat(written).startsWith(",retry_deployment,restore_previous_version,adjust_thresholds\n")
                .contains("deployment_failure_DOWN,-0.11791,-0.19,-0.1\n");
        assertThat(SeedQTableCsv.read(new StringReader(written), "again")).isEqualTo(table);
    }

    @Test
    void importedSeedTableLandsInTheStore(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        PolicyStore store = new PolicyStore(dir.resolve("p.json"), "k", java.time.Clock.systemUTC(), w -> { });
        store.importTable(SeedQTableCsv.read(new StringReader(SEED_RL_LOG), "rl_log.csv"), "rl_log.csv", "me");
        assertIsTheSeedTable(store.read().table());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown action column | ',retry_deployment,reboot\\ns_UP,1,2' | seed.csv: line 1, column 3: unknown action 'reboot'",
            "no action columns     | 'state\\ns_UP' | seed.csv: line 1: expected a header",
            "not a number          | ',retry_deployment,adjust_thresholds\\ns_UP,1,2\\nt_UP,0.5,abc' | seed.csv: line 3, column adjust_thresholds: 'abc' is not a number",
            "NaN cell              | ',retry_deployment\\ns_UP,NaN' | seed.csv: line 2, column retry_deployment: 'NaN' is not a number",
            "too few columns       | ',retry_deployment,adjust_thresholds\\ns_UP,1' | seed.csv: line 2: expected 3 columns, found 2",
            "too many columns      | ',retry_deployment\\ns_UP,1,2' | seed.csv: line 2: expected 2 columns, found 3",
            "bad state name        | ',retry_deployment\\n\" \",1' | seed.csv: line 2, column 1: invalid state name",
            "empty file            | '' | seed.csv: empty file"})
    void badFilesAreRejectedWithLineAndColumn(String why, String csv, String message) {
        String text = csv.replace("\\n", "\n");
        assertThatThrownBy(() -> SeedQTableCsv.read(new StringReader(text), "seed.csv"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith(message);
    }
}
