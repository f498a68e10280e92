package io.jenkins.plugins.selfheal.engine.heal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The healing actions Self-Heal knows, in catalogue order. The order is part of the contract:
 * it is the column order of the Q-table and the last tie-breaker of the planners.
 * The first three are the original simulation's actions, with its names.
 */
public enum ActionKind {
    RETRY_DEPLOYMENT("retry_deployment", "Run the deployment again"),
    RESTORE_PREVIOUS_VERSION("restore_previous_version", "Restore the previous version (roll back) and check again"),
    ADJUST_THRESHOLDS("adjust_thresholds", "Relax the latency threshold within its bound"),
    RESTART_SERVICE("restart_service", "Restart the service and check again"),
    ESCALATE("escalate", "Stop healing and hand the problem to a person");

    private final String id;
    private final String description;

    ActionKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The stable name used in Q-tables, logs, JSON and on pages, e.g. {@code retry_deployment}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<ActionKind> fromId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id));
    }

    // looked up for every step of every episode a view or a replay reads
    private static final java.util.Map<String, ActionKind> BY_ID = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(ActionKind::id, a -> a)));

    /** Like {@link #fromId} but fails with a message naming the known actions. */
    public static ActionKind parse(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown action '" + id + "'; known actions: " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ActionKind::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
