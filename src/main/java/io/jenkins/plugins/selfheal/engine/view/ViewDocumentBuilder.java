package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyDocument;
import io.jenkins.plugins.selfheal.engine.store.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link ViewDocument} of a policy and its episode log in one pass over the log, keeping
 * only the newest {@code historyLimit} points and {@code recentLimit} decisions, so a log of
 * 10,000 episodes costs one walk and a bounded amount of memory.
 */
public final class ViewDocumentBuilder {
    public static final int DEFAULT_RECENT_LIMIT = 20;
    public static final int DEFAULT_HISTORY_LIMIT = 10_000;
    public static final int MOVING_AVERAGE_WINDOW = 10;

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

    /** How many recent decisions to list (newest first). */
    public ViewDocumentBuilder recentLimit(int limit) {
        return new ViewDocumentBuilder(limit, historyLimit, masked);
    }

    /** How many of the newest episodes the history charts get; counts still cover all. */
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
        List<ActionKind> actions = Arrays.asList(ActionKind.values());
        HistoryAccumulator history = new HistoryAccumulator(historyLimit, recentLimit, MOVING_AVERAGE_WINDOW);
        LogEntry.ImportEntry lastImport = null;
        for (LogEntry entry : log) {
            Optional<Episode> episode = entry.episode();
            if (episode.isPresent()) {
                history.add(episode.get());
            } else {
                history.clear(); // a reset or an import starts the policy over
                lastImport = entry instanceof LogEntry.ImportEntry imported ? imported : null;
            }
        }
        ViewDocument.PolicySummary summary = new ViewDocument.PolicySummary(policy.key(), policy.generation(),
                policy.episodes(), policy.parameters(), policy.updatedAt().toString());
        return new ViewDocument(ViewDocument.FORMAT, ViewDocument.VERSION, summary,
                actions.stream().map(ActionKind::id).toList(), rows(policy, actions, lastImport), history.history(),
                history.recent());
    }

    private List<ViewDocument.StateRow> rows(Policy policy, List<ActionKind> actions, LogEntry.ImportEntry lastImport) {
        Map<String, Map<String, PolicyDocument.Cell>> imported = lastImport == null || lastImport.policy() == null
                || lastImport.policy().states() == null ? Map.of() : lastImport.policy().states();
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
                boolean fromImport = unvisited && imported.getOrDefault(state, Map.of()).containsKey(action.id());
                cells.add(new ViewDocument.Cell(entry.value(), entry.visits(),
                        entry.lastUpdated().map(Instant::toString).orElse(null), action == greedy,
                        masked.contains(action), entry.visits() == 0, fromImport));
            }
            rows.add(new ViewDocument.StateRow(state, visits, cells));
        }
        return rows;
    }
}
