package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyStoreRecoveryTest extends StoreTestBase {
    private QTable learnAndSnapshot(PolicyStore store) throws IOException {
        Episodes.learnSome(store, clock);
        clock.advance(Duration.ofSeconds(5));
        Episodes.learn(store, clock, "anomaly_score_UP", RETRY_DEPLOYMENT, -1);
        QTable table = Episodes.copyOf(store);
        assertThat(table.totalVisits()).isEqualTo(5);
        assertThat(warnings).isEmpty();
        return table;
    }

    private void assertRecovered(PolicyStore store, QTable expected, byte[] damaged) throws IOException {
        QTable rebuilt = store.read().table();

        assertThat(rebuilt).isEqualTo(expected);
        assertThat(store.read().episodes()).isEqualTo(5);
        List<Path> corrupt = store.backups().stream().filter(p -> p.getFileName().toString().contains(".corrupt-")).toList();
        assertThat(corrupt).hasSize(1);
        assertThat(corrupt.get(0).getFileName().toString()).startsWith("policy.json.corrupt-");
        assertThat(Files.readAllBytes(corrupt.get(0))).isEqualTo(damaged);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("policy.json", corrupt.get(0).getFileName().toString(),
                "policy.episodes.jsonl", "5 entries");
        // the repaired document is valid again: no second warning, same table
        assertThat(store().read().table()).isEqualTo(expected);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void garbageDocumentIsMovedAsideAndRebuiltFromTheLog() throws IOException {
        PolicyStore store = store();
        QTable expected = learnAndSnapshot(store);
        byte[] garbage = "\u0000\u0001 not json at all {{{".getBytes();
        Files.write(store.policyFile(), garbage);

        assertRecovered(store, expected, garbage);
    }

    @Test
    void truncatedDocumentIsMovedAsideAndRebuiltFromTheLog() throws IOException {
        PolicyStore store = store();
        QTable expected = learnAndSnapshot(store);
        byte[] full = Files.readAllBytes(store.policyFile());
        byte[] truncated = Arrays.copyOf(full, full.length / 2);
        Files.write(store.policyFile(), truncated);

        assertRecovered(store, expected, truncated);
    }

    @Test
    void emptyDocumentIsMovedAsideAndRebuiltFromTheLog() throws IOException {
        PolicyStore store = store();
        QTable expected = learnAndSnapshot(store);
        Files.write(store.policyFile(), new byte[0]);

        assertRecovered(store, expected, new byte[0]);
    }

    @Test
    void validJsonWithAWrongFieldAlsoCountsAsCorrupt() throws IOException {
        PolicyStore store = store();
        QTable expected = learnAndSnapshot(store);
        byte[] wrong = Files.readString(store.policyFile()).replace("\"self-heal-policy\"", "\"other\"").getBytes();
        Files.write(store.policyFile(), wrong);

        assertRecovered(store, expected, wrong);
    }

    @Test
    void corruptionDuringAnUpdateIsRepairedBeforeTheChangeIsApplied() throws IOException {
        PolicyStore store = store();
        QTable expected = learnAndSnapshot(store);
        Files.writeString(store.policyFile(), "{\"format\":");

        Episodes.learn(store, clock, "latency_issue_UP", ADJUST_THRESHOLDS, 3);

        QTable after = store.read().table();
        assertThat(after.entry("latency_issue_UP", ADJUST_THRESHOLDS).visits()).isEqualTo(2);
        assertThat(after.entry("deployment_failure_DOWN", RETRY_DEPLOYMENT))
                .isEqualTo(expected.entry("deployment_failure_DOWN", RETRY_DEPLOYMENT));
        assertThat(warnings).singleElement().asString().contains("policy.json");
    }

    @Test
    void missingDocumentWithALogIsRebuiltWithAWarning() throws IOException {
        PolicyStore store = store();
        QTable expected = learnAndSnapshot(store);
        Files.delete(store.policyFile());

        assertThat(store.read().table()).isEqualTo(expected);
        assertThat(warnings).singleElement().asString().contains("policy.json is missing", "policy.episodes.jsonl");
        assertThat(store.policyFile()).exists();
    }

    @Test
    void corruptDocumentWithoutALogIsNeverSilentlyReset() throws IOException {
        PolicyStore store = store();
        learnAndSnapshot(store);
        Files.delete(store.episodeLog());
        Files.writeString(store.policyFile(), "oops");

        assertThat(store.read().table().size()).isZero();
        assertThat(warnings).singleElement().asString().contains("policy.json", "0 entries");
        assertThat(store.backups()).singleElement().satisfies(p -> assertThat(p).hasContent("oops"));
    }

    @Test
    void truncatedLastLogLineIsSkippedWithAWarning() throws IOException {
        PolicyStore store = store();
        Episodes.learnSome(store, clock);
        QTable withoutLast = Episodes.copyOf(store);
        Episodes.learn(store, clock, "latency_issue_UP", RETRY_DEPLOYMENT, 3);
        String log = Files.readString(store.episodeLog());
        Files.writeString(store.episodeLog(), log.substring(0, log.length() - 20)); // a crash mid-append
        Files.writeString(store.policyFile(), "garbage");

        QTable rebuilt = store.read().table();

        assertThat(rebuilt).isEqualTo(withoutLast);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("skipped unreadable episode log line", "policy.episodes.jsonl:5");
        assertThat(warnings.get(1)).contains("4 entries");
    }

    @Test
    void readLogReportsEveryUnreadableLineAndKeepsTheRest() throws IOException {
        PolicyStore store = store();
        Episodes.learnSome(store, clock);
        List<String> lines = new ArrayList<>(Files.readAllLines(store.episodeLog()));
        lines.add(1, "{\"type\":\"mystery\"}");
        lines.add(3, "");
        Files.write(store.episodeLog(), lines);

        assertThat(store.readLog()).hasSize(4);
        assertThat(warnings).singleElement().asString().contains("policy.episodes.jsonl:2");
    }
}
