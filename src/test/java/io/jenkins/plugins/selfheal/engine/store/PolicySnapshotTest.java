package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ESCALATE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The document is a snapshot of a prefix of the episode log; the log is the durable record. */
class PolicySnapshotTest extends StoreTestBase {
    private static final String S = "deployment_failure_DOWN";

    private PolicyDocument document() throws IOException {
        return PolicyJson.readDocument(Files.readAllBytes(store().policyFile()), "policy.json");
    }

    /** Learns {@code n} episodes over a few cells, advancing the clock. */
    private void learn(PolicyStore store, int n) throws IOException {
        String[] states = {S, "latency_issue_UP", "anomaly_score_UP"};
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(1));
            Episodes.learn(store, clock, states[i % 3], i % 2 == 0 ? RETRY_DEPLOYMENT : ADJUST_THRESHOLDS, i % 5 - 1);
        }
    }

    @Test
    void anUpdateAppendsTheLogButDoesNotRewriteTheSnapshotEveryTime() throws IOException {
        PolicyStore store = store();
        learn(store, 1);
        byte[] first = Files.readAllBytes(store.policyFile());
        assertThat(document().logBytes()).isEqualTo(Files.size(store.episodeLog()));

        learn(store, 5);

        assertThat(Files.readAllBytes(store.policyFile())).isEqualTo(first); // a stale snapshot
        assertThat(document().logBytes()).isLessThan(Files.size(store.episodeLog()));
        assertThat(new String(first, StandardCharsets.UTF_8)).doesNotContain("\n").contains("\"logBytes\":");
        assertThat(store().read().episodes()).isEqualTo(6);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aStaleSnapshotPlusTheLogTailGivesTheSameTableAsAFullRebuild() throws IOException {
        PolicyStore store = store();
        learn(store, 40);
        Policy live = store.read();

        Policy fresh = store().read(); // snapshot + tail, another store, no lock
        assertThat(fresh.table()).isEqualTo(live.table());
        assertThat(List.copyOf(fresh.table().states())).isEqualTo(List.copyOf(live.table().states()));
        assertThat(fresh.episodes()).isEqualTo(40);
        assertThat(fresh.generation()).isEqualTo(live.generation());

        QTable rebuilt = EpisodeLogReader.rebuild("job-a", EpisodeLogReader.read(new StoreFiles(store.policyFile(), java.time.Clock.systemUTC()), warnings::add),
                clock.instant(), warnings::add).table();
        assertThat(rebuilt).isEqualTo(live.table());
        assertThat(warnings).isEmpty();
    }

    @Test
    void snapshotsAreWrittenWhenTheTailOutgrowsThemAndTheTailIsReplayedOnTop() throws IOException {
        PolicyStore store = store();
        learn(store, 1);
        long firstSnapshot = document().logBytes();
        int updates = 1;
        while (document().logBytes() == firstSnapshot) {
            learn(store, 1);
            updates++;
            assertThat(updates).as("a snapshot follows within the interval").isLessThan(1000);
        }
        assertThat(document().logBytes()).isGreaterThanOrEqualTo(firstSnapshot + PolicyStore.MIN_SNAPSHOT_INTERVAL);
        learn(store, 3);
        assertThat(store().read().episodes()).isEqualTo(updates + 3);
        assertThat(store().read().table()).isEqualTo(store.read().table());
    }

    @Test
    void aCrashBeforeTheSnapshotLosesNothing() throws IOException {
        PolicyStore store = store();
        learn(store, 2);
        Path old = dir.resolve("old-snapshot.json");
        Files.copy(store.policyFile(), old);
        learn(store, 10); // the snapshot was skipped for these
        QTable expected = store.read().table().copy();

        // the machine goes down: the document is the old one again, or gone
        Files.copy(old, store.policyFile(), StandardCopyOption.REPLACE_EXISTING);
        assertThat(store().read().table()).isEqualTo(expected);
        assertThat(store().read().episodes()).isEqualTo(12);
        Policy afterUpdate = store().update(p -> p);
        assertThat(afterUpdate.table()).isEqualTo(expected);
        assertThat(warnings).isEmpty();

        Files.delete(store.policyFile());
        PolicyStore restarted = store();
        Episodes.learn(restarted, clock, S, ESCALATE, 3);
        expected.put(S, ESCALATE, new QEntry(1.5, 1, Optional.of(clock.instant())));
        assertThat(store().read().table()).isEqualTo(expected);
        assertThat(warnings).singleElement().asString().contains("policy.json is missing");
    }

    @Test
    void aSnapshotAheadOfItsLogIsMovedAsideAndThePolicyRebuiltFromTheLogWithAWarning() throws IOException {
        PolicyStore store = store();
        learn(store, 3);
        byte[] threeEpisodes = Files.readAllBytes(store.episodeLog());
        learn(store, 1);
        store.reset("admin"); // a snapshot of the whole log
        byte[] snapshot = Files.readAllBytes(store.policyFile());
        Files.write(store.episodeLog(), threeEpisodes); // the log is truncated (or replaced by an older copy)

        Policy policy = store().read();

        assertThat(policy.episodes()).isEqualTo(3);
        assertThat(warnings).singleElement().asString()
                .contains("policy.json", "policy.episodes.jsonl", "rebuilt the policy from the log (3 entries)");
        List<Path> aside = store.backups().stream().filter(p -> p.getFileName().toString().contains(".ahead-")).toList();
        assertThat(aside).singleElement().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(snapshot));
        assertThat(store().read().episodes()).isEqualTo(3);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void theRelaxedThresholdAndTheSettingsAreInTheLogAndSurviveALostSnapshot() throws IOException {
        PolicyStore store = store();
        learn(store, 2);
        LearningParameters parameters = new LearningParameters(0.3, 0.05, 0.8, LearningParameters.TieBreak.FIRST_ACTION);
        RewardPolicy rewards = new RewardPolicy(4, 2, -2, 1, -1);
        store.update(policy -> {
            policy.setLatencyThresholdMs(42_000);
            policy.useSettings(parameters, rewards);
            return null;
        });
        assertThat(Episodes.logLines(store).get(2)).startsWith("{\"type\":\"patch\"");

        for (PolicyStore reader : List.of(store(), store)) {
            assertThat(reader.read().latencyThresholdMs()).hasValue(42_000L);
        }
        Files.writeString(store.policyFile(), "lost");
        Policy rebuilt = store().read();
        assertThat(rebuilt.latencyThresholdMs()).hasValue(42_000L);
        assertThat(rebuilt.parameters()).isEqualTo(parameters);
        assertThat(rebuilt.rewards()).isEqualTo(rewards);
        assertThat(rebuilt.episodes()).isEqualTo(2);
        assertThat(store().readLog()).hasSize(2).allMatch(e -> e instanceof LogEntry.EpisodeEntry);

        store.reset("admin");
        assertThat(store().read().latencyThresholdMs()).isEmpty();
        assertThat(store().read().parameters()).isEqualTo(parameters);
    }

    @Test
    void anUpdateThatTheLogDescribesAddsNoPatch() throws IOException {
        PolicyStore store = store();
        learn(store, 5);
        store.update(policy -> null);
        assertThat(Episodes.logLines(store)).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("{\"type\":\"episode\""));
    }

    @Test
    void cellsChangedWithoutAnEpisodeArePatchedInTheLog() throws IOException {
        PolicyStore store = store();
        learn(store, 2);
        store.update(policy -> {
            policy.table().put("new_state_UP", ESCALATE, new QEntry(-4, 3, Optional.empty()));
            policy.table().put(S, RETRY_DEPLOYMENT, new QEntry(9, 9, Optional.empty()));
            return null;
        });
        QTable expected = store.read().table();
        Files.delete(store.policyFile());

        QTable rebuilt = store().read().table();
        assertThat(rebuilt).isEqualTo(expected);
        assertThat(List.copyOf(rebuilt.states())).isEqualTo(List.copyOf(expected.states()));
    }

    @Test
    void aDocumentFromBeforeSnapshotsIncludesTheWholeLogAndIsConvertedByTheFirstUpdate() throws IOException {
        PolicyStore store = store();
        learn(store, 4);
        Policy before = store.read();
        // the old format: pretty, after every update, no logBytes
        Files.write(store.policyFile(), PolicyJson.write(PolicyDocument.of(before), true));
        PolicyStore upgraded = store();
        assertThat(upgraded.read().table()).isEqualTo(before.table());
        assertThat(upgraded.read().episodes()).isEqualTo(4);

        Episodes.learn(upgraded, clock, S, ESCALATE, 3);

        assertThat(document().logBytes()).isNotNull();
        assertThat(store().read().episodes()).isEqualTo(5);
        assertThat(store().read().table().entry(S, ESCALATE).visits()).isEqualTo(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTornLastLogLineIsEndedBeforeTheNextAppend() throws IOException {
        PolicyStore store = store();
        learn(store, 3);
        QTable expected = store.read().table().copy();
        Files.write(store.episodeLog(), "{\"type\":\"episode\",\"id\":\"torn".getBytes(), java.nio.file.StandardOpenOption.APPEND);

        Episodes.learn(store(), clock, S, ESCALATE, 3);

        expected.put(S, ESCALATE, new QEntry(1.5, 1, Optional.of(clock.instant())));
        assertThat(store().read().table()).isEqualTo(expected);
        assertThat(store().readLog()).hasSize(4);
        assertThat(warnings).isNotEmpty().allSatisfy(w -> assertThat(w).contains("skipped unreadable episode log line"));
        Files.delete(store.policyFile());
        assertThat(store().read().table()).isEqualTo(expected);
    }

    @Test
    void exportsStayPrettyAndCarryNoLogPosition() throws IOException {
        PolicyStore store = store();
        learn(store, 2);
        String exported = new String(store.export(), StandardCharsets.UTF_8);
        assertThat(exported).contains("\"format\" : \"self-heal-policy\"").doesNotContain("logBytes");
    }
}
