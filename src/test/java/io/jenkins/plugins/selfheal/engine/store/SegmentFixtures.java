package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Learning through a store and checking that every reader sees each episode exactly once. */
final class SegmentFixtures {
    private static final String[] STATES = {"deployment_failure_DOWN", "latency_issue_UP", "crash_DOWN"};

    private SegmentFixtures() {
    }

    /** Learns {@code count} episodes, one update each; returns their ids in order. */
    static List<String> learn(PolicyStore store, TestClock clock, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMinutes(1));
            LogEntry.EpisodeEntry[] logged = {null};
            int n = i;
            store.update(policy -> {
                String state = STATES[n % 3];
                ActionKind action = ActionKind.values()[n % 5];
                var before = policy.table().entry(state, action);
                double after = before.value() + 0.5 * ((n % 4 - 1) - before.value());
                policy.table().put(state, action, before.updatedTo(after, clock.instant()));
                logged[0] = Episodes.entry(policy.generation(), clock.instant(), state, action, n % 4 - 1, before.value(), after);
                policy.recordEpisode(logged[0]);
                return null;
            });
            ids.add(logged[0].id());
        }
        return ids;
    }

    /** Every way of reading the history gives exactly {@code ids}, in order, and numbers that agree. */
    static void assertExactlyOnce(PolicyStore store, List<String> ids) throws IOException {
        List<String> logged = store.readLog().stream().map(e -> ((LogEntry.EpisodeEntry) e).id()).toList();
        assertThat(logged).containsExactlyElementsOf(ids);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.writeLog(out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"episode\"")).toList();
        assertThat(lines).hasSize(ids.size());
        assertThat(store.read().episodes()).isEqualTo(ids.size());
        assertThat(store.summary().total()).isEqualTo(ids.size());
        assertThat(json(store.summary())).isEqualTo(json(HistorySummary.of(store.readLog())));
        assertThat(store.newestEpisodes(5).total()).isEqualTo(ids.size());
        // the snapshot's table is the one the whole log rebuilds
        Policy rebuilt = EpisodeLogReader.rebuild("job-a", EpisodeLogReader.read(
                new StoreFiles(store.policyFile(), java.time.Clock.systemUTC()), w -> { }), java.time.Instant.EPOCH, w -> { });
        assertThat(store.read().table()).isEqualTo(rebuilt.table());
        assertThat(new String(store.export(), StandardCharsets.UTF_8)).contains("\"episodes\" : " + ids.size());
    }

    static String json(HistorySummary summary) {
        return new String(PolicyJson.write(summary, false), StandardCharsets.UTF_8);
    }
}
