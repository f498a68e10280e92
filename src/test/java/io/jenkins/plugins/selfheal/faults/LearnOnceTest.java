package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.ACTION;
import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 10 item 5: an episode is learned at most once, whatever failed after its log line was forced. */
class LearnOnceTest extends PolicyFolderTest {

    @Test
    void aSecondDecisionOfTheSameEpisodeLearnsNothing() throws Exception {
        FaultEpisodes.learn(store(), "ep-1");
        Policy before = store().read();
        Episode draft = FaultEpisodes.draft("ep-2", before.generation());

        Episode first = FaultEpisodes.learner(store()).learn(draft, Feedback.accepted(), "alice");
        // a second click (or a retry after an error) with another verdict, from another store object
        Episode second = FaultEpisodes.learner(store()).learn(draft, Feedback.rejected(), "bob");

        // what was learned the first time (as the log holds it: the log keeps the reason, not the probe's own detail)
        assertThat(second).usingRecursiveComparison().ignoringFields("heal.initial.uptime.detail").isEqualTo(first);
        assertThat(second.decidedBy()).contains("alice");
        assertThat(FaultEpisodes.loggedIds(store())).containsExactly("ep-1", "ep-2");
        Policy after = store().read();
        assertThat(after.episodes()).isEqualTo(2);
        assertThat(after.table().entry(STATE, ACTION).visits()).isEqualTo(2);
    }

    @Test
    void theSameStoreObjectAlsoRefusesARepeat() throws Exception {
        PolicyStore store = store();
        FaultEpisodes.learn(store, "ep-1");
        FaultEpisodes.learn(store, "ep-1");
        FaultEpisodes.learn(store, "ep-2");
        FaultEpisodes.learn(store, "ep-1");

        assertThat(FaultEpisodes.loggedIds(store)).containsExactly("ep-1", "ep-2");
        assertThat(store.read().table().entry(STATE, ACTION).visits()).isEqualTo(2);
    }

    @Test
    void aSnapshotThatFailsAfterTheDurableAppendIsAWarningAndTheRetryLearnsNothing() throws Exception {
        FaultEpisodes.learn(store(), "ep-1");
        FaultEpisodes.learn(store(), "ep-2");
        String generation = store().read().generation();
        // without its snapshot the next update must write one (a rebuild from the log)
        Files.delete(dir.resolve("policy.json"));
        Episode draft = FaultEpisodes.draft("ep-3", generation);

        AutoCloseable frozen = FaultFs.freezeFolder(dir); // the log can grow, no snapshot can be written
        assumeTrue(frozen != null, "no way to freeze a folder here");
        Episode decided;
        try (frozen) {
            decided = FaultEpisodes.learner(store()).learn(draft, Feedback.accepted(), "alice");
        }

        assertThat(decided.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("could not write the snapshot"));
        assertThat(Files.exists(dir.resolve("policy.json"))).isFalse();
        // the page still offers the buttons if the build's record was not saved: a second click
        Episode again = FaultEpisodes.learner(store()).learn(draft, Feedback.rejected(), "bob");

        assertThat(again).usingRecursiveComparison().ignoringFields("heal.initial.uptime.detail").isEqualTo(decided);
        assertThat(FaultEpisodes.loggedIds(store())).containsExactly("ep-1", "ep-2", "ep-3");
        Policy policy = store().read();
        assertThat(policy.episodes()).isEqualTo(3);
        assertThat(policy.table().entry(STATE, ACTION).visits()).isEqualTo(3);
    }
}
