package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyImportTest {
    private static final String VALID = """
            {"format":"self-heal-policy","version":1,"key":"exported","generation":"g1","episodes":2,
             "states":{"deployment_failure_DOWN":{"retry_deployment":{"q":0.75,"visits":3},
                                                  "restore_previous_version":{"q":-0.5,"visits":1}}}}
            """;

    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at("2024-05-01T10:00:00Z");
    private final List<String> warnings = new ArrayList<>();
    private PolicyStore store;

    @BeforeEach
    void learnSomething() throws IOException {
        store = new PolicyStore(dir.resolve("policy.json"), "job-a", clock, warnings::add);
        Episodes.learnSome(store, clock);
    }

    @Test
    void importDocumentReplacesTheTableWithANewGenerationAndLogsIt() throws IOException {
        String before = store.read().generation();

        store.importDocument(VALID.getBytes(), "upload.json", "carol");

        Policy now = store.read();
        assertThat(now.generation()).isNotEqualTo(before).isNotEqualTo("g1");
        assertThat(now.table().states()).containsExactly("deployment_failure_DOWN");
        assertThat(now.table().entry("deployment_failure_DOWN", RETRY_DEPLOYMENT).value()).isEqualTo(0.75);
        assertThat(now.table().entry("deployment_failure_DOWN", RETRY_DEPLOYMENT).visits()).isEqualTo(3);
        assertThat(now.episodes()).isZero();
        assertThat(store.readLog().get(store.readLog().size() - 1)).isInstanceOfSatisfying(LogEntry.ImportEntry.class, e -> {
            assertThat(e.by()).isEqualTo("carol");
            assertThat(e.source()).isEqualTo("upload.json");
            assertThat(e.generation()).isEqualTo(now.generation());
        });
    }

    @Test
    void exportThenImportIntoAnotherStoreRoundTrips() throws IOException {
        byte[] exported = store.export();
        PolicyStore other = new PolicyStore(dir.resolve("other/policy.json"), "job-b", clock, warnings::add);

        other.importDocument(exported, "export.json", "dave");

        assertThat(other.read().table()).isEqualTo(store.read().table());
        assertThat(other.read().key()).isEqualTo("job-b");
    }

    @Test
    void importTableRoundTripsAndARebuildFromTheLogHonoursTheImport() throws IOException {
        QTable table = new QTable();
        table.put("latency_issue_UP", RESTORE_PREVIOUS_VERSION, new QEntry(0.4, 2, Optional.empty()));
        store.importTable(table, "rl_log.csv", "erin");
        Episodes.learn(store, clock, "latency_issue_UP", RETRY_DEPLOYMENT, 3);
        QTable expected = store.read().table();
        assertThat(expected.entry("latency_issue_UP", RESTORE_PREVIOUS_VERSION).value()).isEqualTo(0.4);
        assertThat(expected.hasState("deployment_failure_DOWN")).isFalse();

        Files.writeString(store.policyFile(), "broken");

        assertThat(store.read().table()).isEqualTo(expected);
        table.put("latency_issue_UP", RESTORE_PREVIOUS_VERSION, new QEntry(9, 9, Optional.empty()));
        assertThat(store.read().table().value("latency_issue_UP", RESTORE_PREVIOUS_VERSION)).isEqualTo(0.4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad json        | {\"format\": \"self-heal-policy\", | upload.json: not valid JSON at line 1, column",
            "wrong format    | {\"format\":\"qtable\",\"version\":1,\"episodes\":0,\"states\":{}} | upload.json: format: expected \"self-heal-policy\", found \"qtable\"",
            "wrong version   | {\"format\":\"self-heal-policy\",\"version\":7,\"episodes\":0,\"states\":{}} | upload.json: version: unsupported version 7",
            "unknown action  | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"states\":{\"s_UP\":{\"reboot\":{\"q\":1}}}} | upload.json: states.s_UP.reboot: unknown action",
            "infinite q      | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"states\":{\"s_UP\":{\"retry_deployment\":{\"q\":1e999}}}} | upload.json: states.s_UP.retry_deployment.q: must be a finite number",
            "missing q       | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"states\":{\"s_UP\":{\"retry_deployment\":{\"visits\":1}}}} | upload.json: states.s_UP.retry_deployment.q: must be a finite number",
            "negative visits | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"states\":{\"s_UP\":{\"retry_deployment\":{\"q\":1,\"visits\":-2}}}} | upload.json: states.s_UP.retry_deployment.visits: must be >= 0, was -2",
            "bad state name  | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"states\":{\" \":{}}} | upload.json: states. : invalid state name",
            "bad alpha       | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"parameters\":{\"alpha\":0,\"epsilon\":0.1,\"gamma\":0.9},\"states\":{}} | upload.json: parameters: alpha must be between",
            "unknown field   | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"states\":{},\"colour\":1} | upload.json: colour:",
            "missing states  | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0} | upload.json: states: missing",
            "missing version | {\"format\":\"self-heal-policy\",\"episodes\":0,\"states\":{}} | upload.json: version: missing",
            "negative episodes| {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":-1,\"states\":{}} | upload.json: episodes: must be >= 0",
            "bad timestamp   | {\"format\":\"self-heal-policy\",\"version\":1,\"episodes\":0,\"updatedAt\":\"yesterday\",\"states\":{}} | upload.json: updatedAt: not an ISO-8601 instant"})
    void invalidDocumentsAreRejectedNamingSourceAndFieldAndChangeNothing(String why, String json, String message)
            throws IOException {
        byte[] documentBefore = Files.readAllBytes(store.policyFile());
        byte[] logBefore = Files.readAllBytes(store.episodeLog());

        assertThatThrownBy(() -> store.importDocument(json.getBytes(), "upload.json", "mallory"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith(message);

        assertThat(Files.readAllBytes(store.policyFile())).isEqualTo(documentBefore);
        assertThat(Files.readAllBytes(store.episodeLog())).isEqualTo(logBefore);
        assertThat(Episodes.fileNames(dir)).containsExactlyInAnyOrder("policy.json", "policy.episodes.jsonl", "policy.summary.json", "policy.json.lock");
    }

    @Test
    void formatExceptionExposesSourceAndField() {
        assertThatThrownBy(() -> store.importDocument("{\"format\":\"x\",\"version\":1,\"episodes\":0,\"states\":{}}".getBytes(), "f.json", "m"))
                .isInstanceOfSatisfying(PolicyFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("f.json");
                    assertThat(e.field()).isEqualTo("format");
                });
    }
}
