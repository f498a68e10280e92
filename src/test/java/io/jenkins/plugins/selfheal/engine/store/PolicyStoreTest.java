package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyStoreTest extends StoreTestBase {
    private static final String S = "deployment_failure_DOWN";

    @Test
    void firstReadOfAMissingFileIsAnEmptyInitialPolicyAndWritesNothing() throws IOException {
        PolicyStore store = store();
        Policy policy = store.read();

        assertThat(policy.generation()).isEqualTo(Policy.INITIAL_GENERATION);
        assertThat(policy.key()).isEqualTo("job-a");
        assertThat(policy.table().size()).isZero();
        assertThat(policy.episodes()).isZero();
        assertThat(store.exists()).isFalse();
        assertThat(Episodes.fileNames(dir)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void updateSavesTheDocumentAndAppendsOneLogLinePerRecordedEpisode() throws IOException {
        PolicyStore store = store();
        Episodes.learn(store, clock, S, RETRY_DEPLOYMENT, 3);
        assertThat(Episodes.logLines(store)).hasSize(1);

        store.update(policy -> {
            Instant now = clock.instant();
            policy.recordEpisode(Episodes.entry(policy.generation(), now, S, ADJUST_THRESHOLDS, -1, 0, 0));
            policy.recordEpisode(Episodes.entry(policy.generation(), now, S, ADJUST_THRESHOLDS, -1, 0, 0));
            return null;
        });
        store.update(policy -> null);

        // the two episodes claim cell updates the change never made to the table: a patch line follows
        // them so the log still describes the table exactly (readLog leaves patches out)
        assertThat(Episodes.logLines(store)).hasSize(4).filteredOn(line -> line.startsWith("{\"type\":\"episode\""))
                .hasSize(3);
        assertThat(Episodes.logLines(store).get(3)).startsWith("{\"type\":\"patch\"");
        assertThat(store.readLog()).hasSize(3).allMatch(e -> e instanceof LogEntry.EpisodeEntry);
        Policy saved = store.read();
        assertThat(saved.episodes()).isEqualTo(3);
        assertThat(saved.table().entry(S, RETRY_DEPLOYMENT)).isEqualTo(new QEntry(1.5, 1, Optional.of(clock.instant())));
        assertThat(saved.table().entry(S, ADJUST_THRESHOLDS)).isEqualTo(QEntry.UNVISITED);
        Files.writeString(store.policyFile(), "garbage");
        assertThat(store.read().table()).isEqualTo(saved.table());
        assertThat(new String(Files.readAllBytes(store.policyFile()))).contains("\"format\":\"self-heal-policy\"");
    }

    @Test
    void changesMadeInOneStoreAreSeenByAnotherOnTheSameFile() throws IOException {
        Episodes.learnSome(store(), clock);
        assertThat(store().read().table()).isEqualTo(Episodes.copyOf(store()));
        assertThat(store().read().table().entry(S, RETRY_DEPLOYMENT).visits()).isEqualTo(2);
    }

    @Test
    void initialValuesRoundTripAndDefaultToSiblingsWhenAbsent() {
        Policy seed = new Policy("k", "gen-1", LearningParameters.SEED, RewardPolicy.SEED, new QTable(), 0, null,
                Instant.parse("2024-05-01T10:00:00Z"));

        String json = new String(PolicyJson.write(PolicyDocument.of(seed), false), java.nio.charset.StandardCharsets.UTF_8);
        Policy back = PolicyJson.readDocument(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "mem.json")
                .toPolicy("mem.json", "fallback");
        Policy older = PolicyJson.readDocument(json.replace(",\"initialValues\":\"ZERO\"", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "old.json").toPolicy("old.json", "fallback");

        assertThat(json).contains("\"initialValues\":\"ZERO\"");
        assertThat(back.parameters()).isEqualTo(LearningParameters.SEED);
        assertThat(older.parameters().initialValues()).isEqualTo(LearningParameters.InitialValues.SIBLINGS);
        assertThat(older.parameters().tieBreak()).isEqualTo(LearningParameters.TieBreak.FIRST_ACTION);
    }

    @Test
    void documentRoundTripsThroughJson() {
        QTable table = new QTable();
        table.put(S, RETRY_DEPLOYMENT, new QEntry(0.123456789, 7, Optional.of(Instant.parse("2024-01-02T03:04:05.678Z"))));
        table.put("anomaly_score_UP", ActionKind.ESCALATE, new QEntry(-2.5, 1, Optional.empty()));
        table.ensureState("latency_issue_UP");
        Policy policy = new Policy("k", "gen-1", new LearningParameters(0.2, 0.05, 0.8, LearningParameters.TieBreak.FIRST_ACTION),
                new RewardPolicy(4, 2, -2, 1, -1), table, 9, 24_000L, Instant.parse("2024-05-01T10:00:00Z"));

        byte[] json = PolicyJson.write(PolicyDocument.of(policy), true);
        Policy back = PolicyJson.readDocument(json, "mem.json").toPolicy("mem.json", "fallback");

        assertThat(back.table()).isEqualTo(table);
        assertThat(back.table().states()).containsExactly(S, "anomaly_score_UP", "latency_issue_UP");
        assertThat(back.key()).isEqualTo("k");
        assertThat(back.generation()).isEqualTo("gen-1");
        assertThat(back.parameters()).isEqualTo(policy.parameters());
        assertThat(back.rewards()).isEqualTo(policy.rewards());
        assertThat(back.episodes()).isEqualTo(9);
        assertThat(back.latencyThresholdMs()).hasValue(24_000L);
        assertThat(back.updatedAt()).isEqualTo(policy.updatedAt());
        assertThat(PolicyDocument.of(back)).isEqualTo(PolicyDocument.of(policy));
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws IOException {
        PolicyStore store = store();
        Episodes.learnSome(store, clock);
        Episodes.learnSome(store, clock);

        assertThat(Episodes.fileNames(dir)).containsExactlyInAnyOrder("policy.json", "policy.episodes.jsonl", "policy.summary.json", "policy.json.lock");
    }

    @Test
    void atomicWriteReplacesContentWhole() throws IOException {
        Path target = dir.resolve("sub/file.json");
        AtomicFiles.write(target, "first, rather long content".getBytes());
        AtomicFiles.write(target, "second".getBytes());
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(Episodes.fileNames(target.getParent())).containsExactly("file.json");
    }

    @Test
    void resetKeepsABackupOfTheOldTableAndStartsANewGeneration() throws IOException {
        PolicyStore store = store();
        Episodes.learnSome(store, clock);
        Policy before = store.read();

        clock.advance(Duration.ofMinutes(1));
        Path backup = store.reset("alice");

        assertThat(backup).exists();
        assertThat(store.backups()).containsExactly(backup);
        Policy old = PolicyJson.readDocument(Files.readAllBytes(backup), "backup").toPolicy("backup", "x");
        assertThat(old.table()).isEqualTo(before.table());
        assertThat(old.generation()).isEqualTo(before.generation());
        Policy after = store.read();
        assertThat(after.generation()).isNotEqualTo(before.generation()).isNotEqualTo(Policy.INITIAL_GENERATION);
        assertThat(after.table().size()).isZero();
        assertThat(after.episodes()).isZero();
        LogEntry last = store.readLog().get(store.readLog().size() - 1);
        assertThat(last).isInstanceOfSatisfying(LogEntry.ResetEntry.class, r -> {
            assertThat(r.by()).isEqualTo("alice");
            assertThat(r.backup()).isEqualTo(backup.getFileName().toString());
            assertThat(r.generation()).isEqualTo(after.generation());
        });
    }

    @Test
    void importKeepsABackupOfALearnedPolicyButNotOfAnEmptyOne() throws IOException {
        PolicyStore store = store();
        store.importTable(new QTable(), "empty.csv", "alice");
        assertThat(store.backups()).isEmpty();
        Episodes.learnSome(store, clock);
        Policy before = store.read();

        clock.advance(Duration.ofMinutes(1));
        store.importTable(new QTable(), "other.csv", "alice");

        assertThat(store.backups()).singleElement().satisfies(backup -> {
            assertThat(backup.getFileName().toString()).startsWith("policy.json.import-");
            Policy old = PolicyJson.readDocument(Files.readAllBytes(backup), "backup").toPolicy("backup", "x");
            assertThat(old.table()).isEqualTo(before.table());
        });
    }

    @Test
    void rebuildFromTheLogHonoursTheReset() throws IOException {
        PolicyStore store = store();
        Episodes.learnSome(store, clock);
        store.reset("bob");
        Episodes.learn(store, clock, "latency_issue_UP", RETRY_DEPLOYMENT, -1);
        Policy expected = store.read();

        Files.writeString(store.policyFile(), "garbage");
        Policy rebuilt = store.read();

        assertThat(rebuilt.table()).isEqualTo(expected.table());
        assertThat(rebuilt.table().states()).containsExactly("latency_issue_UP");
        assertThat(rebuilt.generation()).isEqualTo(expected.generation());
        assertThat(rebuilt.episodes()).isEqualTo(1);
    }

    @Test
    void twoResetsAtTheSameInstantKeepBothBackups() throws IOException {
        PolicyStore store = store();
        Episodes.learn(store, clock, S, RETRY_DEPLOYMENT, 3);
        Path first = store.reset("alice");
        Episodes.learn(store, clock, S, ADJUST_THRESHOLDS, 3);
        Path second = store.reset("alice");

        assertThat(second).isNotEqualTo(first);
        assertThat(store.backups()).containsExactlyInAnyOrder(first, second);
        Policy firstBackup = PolicyJson.readDocument(Files.readAllBytes(first), "b1").toPolicy("b1", "x");
        assertThat(firstBackup.table().entry(S, RETRY_DEPLOYMENT).visits()).isEqualTo(1);
    }

    @Test
    void newestEpisodesKeepsTheLastOnesInOrderAndCountsThemAll() throws IOException {
        PolicyStore store = store();
        assertThat(store.newestEpisodes(2).episodes()).isEmpty();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            Episodes.learn(store, clock, S, RETRY_DEPLOYMENT, i);
        }
        store.reset("tester"); // a reset line is not an episode

        PolicyStore.EpisodeWindow window = store.newestEpisodes(2);
        List<Episode> all = store.readLog().stream().map(LogEntry::episode).flatMap(Optional::stream).toList();
        assertThat(window.total()).isEqualTo(5);
        assertThat(window.episodes()).containsExactlyElementsOf(all.subList(3, 5));
        assertThat(store.newestEpisodes(10).episodes()).containsExactlyElementsOf(all);
    }
}
