package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.view.ViewFixtures.episode;
import static io.jenkins.plugins.selfheal.engine.view.ViewFixtures.policy;
import static io.jenkins.plugins.selfheal.engine.view.ViewFixtures.visited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ViewDocumentBuilderTest {
    private final ViewDocumentBuilder builder = new ViewDocumentBuilder();

    @Test
    void emptyPolicyGivesAValidDocumentWithEmptyArrays() {
        ViewDocument doc = builder.build(policy(new QTable(), 0), List.of());

        assertThat(doc.format()).isEqualTo("self-heal-view");
        assertThat(doc.policy().key()).isEqualTo("job/demo");
        assertThat(doc.actions()).containsExactlyElementsOf(ActionKind.ids());
        assertThat(doc.states()).isEmpty();
        assertThat(doc.recent()).isEmpty();
        assertThat(doc.history().total()).isZero();
        assertThat(doc.history().episodes()).isEmpty();
        assertThat(doc.history().series().rewardMovingAverage()).isEmpty();
        assertThat(doc.history().counts()).isEqualTo(new ViewDocument.Counts(0, 0, 0, 0));
    }

    @Test
    void cellsFollowTheCatalogueOrderWithValuesVisitsAndUnvisitedFlags() {
        QTable table = new QTable();
        table.put("deployment_failure_DOWN", ActionKind.RESTORE_PREVIOUS_VERSION, visited(0.3, 2));

        ViewDocument.StateRow row = builder.build(policy(table, 2), List.of()).states().get(0);

        assertThat(row.state()).isEqualTo("deployment_failure_DOWN");
        assertThat(row.visits()).isEqualTo(2);
        assertThat(row.cells()).hasSize(ActionKind.values().length);
        ViewDocument.Cell restore = row.cells().get(ActionKind.RESTORE_PREVIOUS_VERSION.ordinal());
        assertThat(restore.q()).isEqualTo(0.3);
        assertThat(restore.visits()).isEqualTo(2);
        assertThat(restore.lastUpdated()).isEqualTo(ViewFixtures.T0.toString());
        assertThat(restore.unvisited()).isFalse();
        assertThat(restore.greedy()).isTrue();
        assertThat(row.cells()).filteredOn(ViewDocument.Cell::unvisited).hasSize(4)
                .allSatisfy(c -> assertThat(c.lastUpdated()).isNull());
        assertThat(row.cells()).noneMatch(ViewDocument.Cell::masked);
    }

    @Test
    void greedyTiesGoToTheFewestVisitsThenTheCatalogueOrderLikeThePlanner() {
        QTable table = new QTable();
        table.put("s", ActionKind.RETRY_DEPLOYMENT, visited(0.5, 3));
        table.put("s", ActionKind.RESTORE_PREVIOUS_VERSION, visited(0.5, 1));
        table.put("s", ActionKind.ADJUST_THRESHOLDS, visited(0.5, 1));
        table.put("s", ActionKind.RESTART_SERVICE, visited(-1, 1));
        table.put("s", ActionKind.ESCALATE, visited(-1, 1));

        List<ViewDocument.Cell> cells = builder.build(policy(table, 7), List.of()).states().get(0).cells();

        assertThat(cells).extracting(ViewDocument.Cell::greedy).containsExactly(false, true, false, false, false);
    }

    @Test
    void maskedActionsAreFlaggedAndNeverGreedy() {
        QTable table = new QTable();
        table.put("s", ActionKind.RETRY_DEPLOYMENT, visited(2, 1));
        table.put("s", ActionKind.ESCALATE, visited(1, 1));

        List<ViewDocument.Cell> cells = builder.masked(Set.of(ActionKind.RETRY_DEPLOYMENT))
                .build(policy(table, 2), List.of()).states().get(0).cells();

        assertThat(cells.get(0).masked()).isTrue();
        assertThat(cells.get(0).greedy()).isFalse();
        assertThat(cells.get(ActionKind.ESCALATE.ordinal()).greedy()).isTrue();
    }

    @Test
    void movingAverageUsesTheLastTenRewardsAndFewerAtTheStart() {
        List<LogEntry> log = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            log.add(episode(i, "s", "retry_deployment", "healed", "accepted", i, 100L, null));
        }

        List<Double> average = builder.build(policy(new QTable(), 12), log).history().series().rewardMovingAverage();

        assertThat(average).hasSize(12);
        assertThat(average.get(0)).isEqualTo(1.0);
        assertThat(average.get(1)).isEqualTo(1.5);
        assertThat(average.get(9)).isEqualTo(5.5);   // (1+…+10)/10
        assertThat(average.get(10)).isEqualTo(6.5);  // (2+…+11)/10
        assertThat(average.get(11)).isCloseTo(7.5, within(1e-12));
    }

    @Test
    void acceptanceRateAndMttrAreCumulativeAndNullUntilDefined() {
        List<LogEntry> log = List.of(
                episode(1, "s", null, "healthy", "none", 0, null, null),
                episode(2, "s", "retry_deployment", "healed", "accepted", 3, 1000L, null),
                episode(3, "s", "retry_deployment", "failed", "rejected", -1, null, null),
                episode(4, "s", "escalate", "escalated", "override", -1, null, null),
                episode(5, "s", "retry_deployment", "healed", "accepted", 3, 3000L, null));

        ViewDocument.History history = builder.build(policy(new QTable(), 5), log).history();

        assertThat(history.series().acceptanceRate()).containsExactly(null, 1.0, 0.5, 1.0 / 3, 0.5);
        assertThat(history.series().mttrMs()).containsExactly(null, 1000.0, 1000.0, 1000.0, 2000.0);
        assertThat(history.counts()).isEqualTo(new ViewDocument.Counts(1, 2, 1, 1));
        assertThat(history.episodes()).extracting(ViewDocument.EpisodePoint::index).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history.episodes().get(1).timeToHealMs()).isEqualTo(1000L);
        assertThat(history.episodes().get(1).outcome()).isEqualTo("healed");
        assertThat(history.episodes().get(1).feedback()).isEqualTo("accepted");
    }

    @Test
    void aMissingVerdictReadsAsNone() {
        ViewDocument doc = builder.build(policy(new QTable(), 1),
                List.of(episode(1, "s", "retry_deployment", "failed", null, -1, null, null)));

        assertThat(doc.history().episodes().get(0).feedback()).isEqualTo("none");
        assertThat(doc.recent().get(0).feedback()).isEqualTo("none");
        assertThat(doc.history().series().acceptanceRate()).containsExactly((Double) null);
    }

    @Test
    void recentDecisionsAreNewestFirstAndLimited() {
        List<LogEntry> log = ViewFixtures.episodes(30, List.of("a", "b", "c"));

        List<ViewDocument.RecentDecision> recent = builder.build(policy(new QTable(), 30), log).recent();
        List<ViewDocument.RecentDecision> three = builder.recentLimit(3).build(policy(new QTable(), 30), log).recent();

        assertThat(recent).hasSize(ViewDocumentBuilder.DEFAULT_RECENT_LIMIT);
        assertThat(recent.get(0).at()).isEqualTo(log.get(29).episode().orElseThrow().at().toString());
        assertThat(recent.get(19).at()).isEqualTo(log.get(10).episode().orElseThrow().at().toString());
        assertThat(three).extracting(ViewDocument.RecentDecision::state).containsExactly("c", "b", "a");
        assertThat(three.get(2).action()).isNull(); // episode 27 was healthy: no action ran
        assertThat(three.get(2).choice()).isNull();
        assertThat(three.get(1).action()).isEqualTo(ActionKind.ids().get(28 % 5));
        assertThat(three.get(1).choice()).isEqualTo("exploit");
    }

    @Test
    void historyKeepsTheNewestPointsButCountsEveryEpisode() {
        List<LogEntry> log = ViewFixtures.episodes(100, List.of("s"));

        ViewDocument.History history = builder.historyLimit(10).build(policy(new QTable(), 100), log).history();

        assertThat(history.total()).isEqualTo(100);
        assertThat(history.episodes()).extracting(ViewDocument.EpisodePoint::index).first().isEqualTo(91L);
        assertThat(history.series().acceptanceRate()).hasSize(10);
        assertThat(history.counts().healed() + history.counts().failed() + history.counts().healthy()).isEqualTo(100);
    }

    @Test
    void aResetOrImportStartsTheHistoryOver() {
        List<LogEntry> log = new ArrayList<>(ViewFixtures.episodes(5, List.of("old")));
        log.add(new LogEntry.ResetEntry("2025-03-02T00:00:00Z", "gen-2", "alice", "backup.json"));
        log.add(episode(9, "new", "retry_deployment", "healed", "accepted", 3, 10L, null));

        ViewDocument doc = builder.build(policy(new QTable(), 1), log);

        assertThat(doc.history().total()).isEqualTo(1);
        assertThat(doc.recent()).extracting(ViewDocument.RecentDecision::state).containsExactly("new");
        log.add(new LogEntry.ImportEntry("2025-03-03T00:00:00Z", "gen-3", "bob", "rl_log.csv",
                new PolicyDocument("self-heal-policy", 1, "k", "gen-3", null, 0L, null, null, null, Map.of())));
        assertThat(builder.build(policy(new QTable(), 0), log).history().total()).isZero();
    }

    @Test
    void cellsAnImportSetAreFlaggedImportedUntilAnEpisodeUpdatesThem() {
        QTable table = new QTable();
        table.put("latency_issue_UP", ActionKind.ADJUST_THRESHOLDS, new io.jenkins.plugins.selfheal.engine.learn.QEntry(0.0, 0,
                java.util.Optional.empty()));
        table.put("latency_issue_UP", ActionKind.RETRY_DEPLOYMENT, visited(0.4, 1));
        PolicyDocument.Cell cell = new PolicyDocument.Cell(0.0, 0L, null);
        List<LogEntry> log = List.of(new LogEntry.ImportEntry("2025-03-03T00:00:00Z", "gen-3", "bob", "rl_log.csv",
                new PolicyDocument("self-heal-policy", 1, "k", "gen-3", null, 0L, null, null, null,
                        Map.of("latency_issue_UP", Map.of("adjust_thresholds", cell, "retry_deployment", cell)))));

        List<ViewDocument.Cell> cells = builder.build(policy(table, 1), log).states().get(0).cells();

        assertThat(cells.get(ActionKind.ADJUST_THRESHOLDS.ordinal()).imported()).isTrue();
        assertThat(cells.get(ActionKind.RETRY_DEPLOYMENT.ordinal()).imported()).as("updated since").isFalse();
        assertThat(cells.get(ActionKind.ESCALATE.ordinal()).imported()).as("not in the import").isFalse();
        assertThat(builder.build(policy(table, 1), List.of()).states().get(0).cells()).noneMatch(ViewDocument.Cell::imported);
    }

    @Test
    void tenThousandEpisodesAndAThousandStatesBuildQuickly() {
        QTable table = new QTable();
        for (int i = 0; i < 1000; i++) {
            table.put("state_" + i, ActionKind.values()[i % 5], visited(i % 7 - 3, 1 + i % 3));
        }
        List<LogEntry> log = ViewFixtures.episodes(10_000, List.of("state_1", "state_2"));

        long start = System.nanoTime();
        ViewDocument doc = builder.build(policy(table, 10_000), log);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(doc.states()).hasSize(1000).allSatisfy(r -> assertThat(r.cells()).filteredOn(ViewDocument.Cell::greedy).hasSize(1));
        assertThat(doc.history().total()).isEqualTo(10_000);
        assertThat(doc.history().episodes()).hasSize(ViewDocumentBuilder.DEFAULT_HISTORY_LIMIT); // the newest ones
        assertThat(doc.history().episodes().get(0).index()).isEqualTo(10_000 - ViewDocumentBuilder.DEFAULT_HISTORY_LIMIT + 1);
        assertThat(doc.history().buckets()).hasSizeLessThanOrEqualTo(128)
                .allSatisfy(b -> assertThat(b.last() - b.first() + 1).isLessThanOrEqualTo(doc.history().bucketWidth()));
        assertThat(doc.history().buckets().get(0).first()).isEqualTo(1);
        assertThat(doc.history().buckets().get(doc.history().buckets().size() - 1).last()).isEqualTo(10_000);
        assertThat(millis).as("build time in ms").isLessThan(2000);
    }
}
