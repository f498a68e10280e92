package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.store.HistorySummary;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.SummaryBucket;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link ViewDocument} of a policy from the {@link HistorySummary} of its log, whose size does
 * not grow with the history: the newest {@code historyLimit} points and {@code recentLimit} decisions
 * (at most what the summary keeps), and the whole history in its bounded buckets.
 */
public final class ViewDocumentBuilder {
    public static final int DEFAULT_RECENT_LIMIT = 20;
    public static final int DEFAULT_HISTORY_LIMIT = HistorySummary.POINTS;
    public static final int MOVING_AVERAGE_WINDOW = HistorySummary.WINDOW;

    private final int recentLimit;
    private final int historyLimit;
    private final Set<ActionKind> masked;

    public ViewDocumentBuilder() {
        this(DEFAULT_RECENT_LIMIT, DEFAULT_HISTORY_LIMIT, Set.of());
    }

    private ViewDocumentBuilder(int recentLimit, int historyLimit, Set<ActionKind> masked) {
        if (recentLimit < 0 || historyLimit < 0) {
            throw new IllegalArgumentException("limits must be >= 0, were " + recentLimit + " and " + historyLimit);
        }
        this.recentLimit = recentLimit;
        this.historyLimit = historyLimit;
        this.masked = masked.isEmpty() ? Set.of() : EnumSet.copyOf(masked);
    }

    /** How many recent decisions to list (newest first), at most {@link HistorySummary#RECENT}. */
    public ViewDocumentBuilder recentLimit(int limit) {
        return new ViewDocumentBuilder(limit, historyLimit, masked);
    }

    /** How many of the newest episodes the history charts get (at most {@link HistorySummary#POINTS}); counts still cover all. */
    public ViewDocumentBuilder historyLimit(int limit) {
        return new ViewDocumentBuilder(recentLimit, limit, masked);
    }

    /** Actions the environment cannot perform: greyed in the view and never the greedy one. */
    public ViewDocumentBuilder masked(Set<ActionKind> actions) {
        return new ViewDocumentBuilder(recentLimit, historyLimit, actions);
    }

    /**
     * @param log the policy's episode log in order (as {@code PolicyStore.readLog()} returns it);
     *            only the episodes after the last reset or import are shown, like the policy's own count
     */
    public ViewDocument build(Policy policy, List<LogEntry> log) {
        return build(policy, HistorySummary.of(log));
    }

    /** @param summary the summary of the policy's log ({@code PolicyStore.summary()}) */
    public ViewDocument build(Policy policy, HistorySummary summary) {
        List<ActionKind> actions = Arrays.asList(ActionKind.values());
        ViewDocument.PolicySummary header = new ViewDocument.PolicySummary(policy.key(), policy.generation(),
                policy.episodes(), policy.parameters(), policy.updatedAt().toString());
        List<ViewDocument.RecentDecision> recent = summary.recent().stream().limit(recentLimit)
                .map(d -> new ViewDocument.RecentDecision(d.at(), d.state(), d.action() == null ? null : d.action().id(),
                        d.choice(), d.outcome().id(), d.verdict().id(), d.reward(), SafeLink.orNull(d.link())))
                .toList();
        return new ViewDocument(ViewDocument.FORMAT, ViewDocument.VERSION, header,
                actions.stream().map(ActionKind::id).toList(), rows(policy, actions, summary), history(summary), recent,
                breakdown(summary, actions));
    }

    private ViewDocument.History history(HistorySummary summary) {
        List<HistorySummary.Point> all = summary.points();
        List<HistorySummary.Point> shown = all.subList(Math.max(0, all.size() - historyLimit), all.size());
        List<ViewDocument.EpisodePoint> points = new ArrayList<>(shown.size());
        List<Double> average = new ArrayList<>(shown.size());
        List<Double> acceptance = new ArrayList<>(shown.size());
        List<Double> mttr = new ArrayList<>(shown.size());
        for (HistorySummary.Point p : shown) {
            points.add(new ViewDocument.EpisodePoint(p.index(), p.at(), p.reward(), p.outcome().id(), p.verdict().id(),
                    p.timeToHealMs()));
            average.add(p.movingAverage());
            acceptance.add(p.acceptance());
            mttr.add(p.mttrMs());
        }
        ViewDocument.Counts counts = new ViewDocument.Counts(summary.count(Outcome.HEALTHY), summary.count(Outcome.HEALED),
                summary.count(Outcome.FAILED), summary.count(Outcome.ESCALATED), summary.count(Outcome.RECOMMENDED));
        List<ViewDocument.Bucket> buckets = new ArrayList<>();
        long accepted = 0;
        long judged = 0;
        long timed = 0;
        double healTime = 0;
        for (SummaryBucket b : summary.buckets()) { // the cumulative rates at each bucket's end
            accepted += b.accepted();
            judged += b.judged();
            timed += b.healedWithTime();
            healTime += b.healTimeSum();
            buckets.add(new ViewDocument.Bucket(b.first(), b.first() + b.count() - 1, b.from(), b.to(), b.rewardMean(),
                    b.rewardSpread(), b.rewardMin(), b.rewardMax(), judged == 0 ? null : (double) accepted / judged,
                    timed == 0 ? null : healTime / timed, b.failures(), b.healed(), b.up(), b.down()));
        }
        return new ViewDocument.History(summary.total(), points,
                new ViewDocument.Series(MOVING_AVERAGE_WINDOW, average, acceptance, mttr), counts, summary.bucketWidth(),
                buckets);
    }

    private static ViewDocument.Breakdown breakdown(HistorySummary summary, List<ActionKind> actions) {
        return new ViewDocument.Breakdown(summary.count(UptimeStatus.UP), summary.count(UptimeStatus.DOWN),
                summary.byFailure(), actions.stream().map(a -> new ViewDocument.ActionTally(a.id(),
                        summary.count(a).tried(), summary.count(a).healed())).toList());
    }

    private List<ViewDocument.StateRow> rows(Policy policy, List<ActionKind> actions, HistorySummary summary) {
        QTable table = policy.table();
        // the planner's own order decides the outline, so the view can never disagree with it
        List<ActionKind> allowed = actions.stream().filter(a -> !masked.contains(a)).toList();
        List<ViewDocument.StateRow> rows = new ArrayList<>(table.size());
        for (String state : table.states()) {
            ActionKind greedy = allowed.isEmpty() ? null : QLearningPlanner.greedy(table, policy.parameters(), state, allowed);
            Map<ActionKind, QEntry> row = table.row(state);
            List<ViewDocument.Cell> cells = new ArrayList<>(actions.size());
            long visits = 0;
            for (ActionKind action : actions) {
                QEntry entry = row.get(action);
                visits += entry.visits();
                boolean unvisited = entry.visits() == 0 && entry.lastUpdated().isEmpty();
                cells.add(new ViewDocument.Cell(entry.value(), entry.visits(),
                        entry.lastUpdated().map(Instant::toString).orElse(null), action == greedy,
                        masked.contains(action), entry.visits() == 0, unvisited && summary.imported(state, action)));
            }
            rows.add(new ViewDocument.StateRow(state, visits, cells));
        }
        return rows;
    }
}
