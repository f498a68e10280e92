package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The learned values, one row per state (in order of first sight), one column per {@link ActionKind}.
 * Unknown states are added on first sight with every cell unvisited (visits 0): Q = 0, or with
 * {@link LearningParameters.InitialValues#SIBLINGS} the sibling state's current values as a prior.
 * Not thread-safe: the policy store serialises every change.
 */
public final class QTable {
    private final Map<String, EnumMap<ActionKind, QEntry>> rows = new LinkedHashMap<>();
    /** While journaling: each state changed since {@link #startJournal}, in order, with its row before (null = new). */
    private LinkedHashMap<String, Map<ActionKind, QEntry>> journal;

    public QTable copy() {
        QTable copy = new QTable();
        rows.forEach((state, row) -> copy.rows.put(state, new EnumMap<>(row)));
        return copy;
    }

    /** Adds the state with every cell unvisited at Q = 0 if it is new. */
    public void ensureState(String state) {
        ensureState(state, LearningParameters.InitialValues.ZERO);
    }

    /**
     * Adds the state if it is new, its row being {@link #initialRow}: unvisited cells, with the values
     * {@code initial} gives. A known state is left as it is.
     */
    public void ensureState(String state, LearningParameters.InitialValues initial) {
        StateNames.requireValid(state);
        if (!rows.containsKey(state)) {
            if (journal != null && !journal.containsKey(state)) {
                journal.put(state, null);
            }
            rows.put(state, initialRow(state, initial));
        }
    }

    /**
     * The row {@code state} would get if it were added now: every cell unvisited (visits 0, never
     * updated), valued 0, or with {@code SIBLINGS} the sibling's current values when the sibling is known.
     */
    public EnumMap<ActionKind, QEntry> initialRow(String state, LearningParameters.InitialValues initial) {
        EnumMap<ActionKind, QEntry> row = emptyRow();
        if (initial == LearningParameters.InitialValues.SIBLINGS) {
            StateNames.sibling(state).map(rows::get).ifPresent(sibling -> sibling.forEach((action, entry) ->
                    row.put(action, entry.value() == 0.0 ? QEntry.UNVISITED : new QEntry(entry.value(), 0, java.util.Optional.empty()))));
        }
        return row;
    }

    /** The cell, or for an unknown state the cell {@link #initialRow} would give it; adds nothing. */
    public QEntry entryOrInitial(String state, ActionKind action, LearningParameters.InitialValues initial) {
        EnumMap<ActionKind, QEntry> row = rows.get(state);
        return row != null ? row.get(action) : initialRow(state, initial).get(action);
    }

    /**
     * Starts recording which rows change (the policy store uses it to check that its episode log
     * describes an update exactly). Copies are never journaled.
     */
    public void startJournal() {
        journal = new LinkedHashMap<>();
    }

    /**
     * Stops recording and returns every state changed since {@link #startJournal}, in the order of
     * their first change, each with its row as it was before (null when the state was added).
     */
    public Map<String, Map<ActionKind, QEntry>> stopJournal() {
        Map<String, Map<ActionKind, QEntry>> changed = journal == null ? Map.of() : Collections.unmodifiableMap(journal);
        journal = null;
        return changed;
    }

    /** Removes the state's row (the policy store's replay of a patch that undoes a row). */
    public void removeState(String state) {
        if (journal != null && !journal.containsKey(state) && rows.containsKey(state)) {
            journal.put(state, Collections.unmodifiableMap(new EnumMap<>(rows.get(state))));
        }
        rows.remove(state);
    }

    public boolean hasState(String state) {
        return rows.containsKey(state);
    }

    public Set<String> states() {
        return Collections.unmodifiableSet(rows.keySet());
    }

    public int size() {
        return rows.size();
    }

    public QEntry entry(String state, ActionKind action) {
        EnumMap<ActionKind, QEntry> row = rows.get(state);
        return row == null ? QEntry.UNVISITED : row.get(action);
    }

    public double value(String state, ActionKind action) {
        return entry(state, action).value();
    }

    /** The row as an ordered map (catalogue order); unvisited cells included. */
    public Map<ActionKind, QEntry> row(String state) {
        EnumMap<ActionKind, QEntry> row = rows.get(state);
        return Collections.unmodifiableMap(row == null ? emptyRow() : row);
    }

    /** The Q-values of the state's row, in catalogue order. */
    public Map<ActionKind, Double> values(String state) {
        EnumMap<ActionKind, Double> values = new EnumMap<>(ActionKind.class);
        row(state).forEach((action, entry) -> values.put(action, entry.value()));
        return values;
    }

    public void put(String state, ActionKind action, QEntry entry) {
        if (journal != null && !journal.containsKey(state)) {
            EnumMap<ActionKind, QEntry> before = rows.get(state);
            journal.put(state, before == null ? null : Collections.unmodifiableMap(new EnumMap<>(before)));
        }
        ensureState(state);
        rows.get(state).put(action, entry);
    }

    /** The highest value among {@code actions} in {@code state}; 0 when none is given. */
    public double maxValue(String state, Collection<ActionKind> actions) {
        return actions.stream().mapToDouble(a -> value(state, a)).max().orElse(0.0);
    }

    public long totalVisits() {
        return rows.values().stream()
                .flatMap(r -> r.values().stream())
                .mapToLong(QEntry::visits)
                .sum();
    }

    private static EnumMap<ActionKind, QEntry> emptyRow() {
        EnumMap<ActionKind, QEntry> row = new EnumMap<>(ActionKind.class);
        for (ActionKind action : ActionKind.values()) {
            row.put(action, QEntry.UNVISITED);
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QTable other && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "QTable" + rows;
    }
}
