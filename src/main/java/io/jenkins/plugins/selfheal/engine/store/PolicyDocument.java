package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The saved form of a {@link Policy} (also the export/import format):
 * <pre>{"format":"self-heal-policy","version":1,"key":"…","generation":"…","updatedAt":"…","episodes":3,
 *  "parameters":{"alpha":0.1,"epsilon":0.1,"gamma":0.9,"tieBreak":"LEAST_VISITED","initialValues":"SIBLINGS"},
 *  "rewards":{"acceptedHealed":3,…},"latencyThresholdMs":null,
 *  "states":{"deployment_failure_DOWN":{"retry_deployment":{"q":0.3,"visits":1,"updated":"…"},…}}}</pre>
 */
@JsonPropertyOrder({"format", "version", "key", "generation", "updatedAt", "logBytes", "episodes", "parameters",
        "rewards", "latencyThresholdMs", "states"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(String format, Integer version, String key, String generation, String updatedAt,
                             Long episodes, LearningParameters parameters, RewardPolicy rewards,
                             Long latencyThresholdMs, Map<String, Map<String, Cell>> states, Long logBytes) {
    public static final String FORMAT = "self-heal-policy";
    public static final int VERSION = 1;

    /**
     * A document without {@code logBytes}: an export, an import, a backup, or a document saved before
     * snapshots (see {@link PolicyStore}).
     */
    public PolicyDocument(String format, Integer version, String key, String generation, String updatedAt,
                          Long episodes, LearningParameters parameters, RewardPolicy rewards,
                          Long latencyThresholdMs, Map<String, Map<String, Cell>> states) {
        this(format, version, key, generation, updatedAt, episodes, parameters, rewards, latencyThresholdMs, states, null);
    }

    /** This document as the snapshot of the first {@code bytes} bytes of the episode log. */
    PolicyDocument snapshotOf(long bytes) {
        return new PolicyDocument(format, version, key, generation, updatedAt, episodes, parameters, rewards,
                latencyThresholdMs, states, bytes);
    }

    /** One Q-table cell. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(Double q, Long visits, String updated) {
    }

    public static PolicyDocument of(Policy policy) {
        return new PolicyDocument(FORMAT, VERSION, policy.key(), policy.generation(), policy.updatedAt().toString(),
                policy.episodes(), policy.parameters(), policy.rewards(),
                policy.latencyThresholdMs().isPresent() ? policy.latencyThresholdMs().getAsLong() : null,
                cells(policy.table()));
    }

    static Map<String, Map<String, Cell>> cells(QTable table) {
        return cells(table, table.states());
    }

    static Map<String, Map<String, Cell>> cells(QTable table, Iterable<String> which) {
        Map<String, Map<String, Cell>> states = new LinkedHashMap<>();
        for (String state : which) {
            Map<String, Cell> row = new LinkedHashMap<>();
            table.row(state).forEach((action, entry) -> row.put(action.id(), new Cell(entry.value(), entry.visits(),
                    entry.lastUpdated().map(Instant::toString).orElse(null))));
            states.put(state, row);
        }
        return states;
    }

    /**
     * Checks every field and builds the policy.
     *
     * @param source named in error messages (a file name)
     * @throws PolicyFormatException naming the source and the field
     */
    public Policy toPolicy(String source, String fallbackKey) {
        if (!FORMAT.equals(format)) {
            throw new PolicyFormatException(source, "format", "expected \"" + FORMAT + "\", found " + quoted(format));
        }
        if (version == null) {
            throw new PolicyFormatException(source, "version", "missing (this Self-Heal reads " + VERSION + ")");
        }
        if (version != VERSION) {
            throw new PolicyFormatException(source, "version", "unsupported version " + version + " (this Self-Heal reads " + VERSION + ")");
        }
        if (logBytes != null && logBytes < 0) {
            throw new PolicyFormatException(source, "logBytes", "must be >= 0, was " + logBytes);
        }
        if (episodes != null && episodes < 0) {
            throw new PolicyFormatException(source, "episodes", "must be >= 0, was " + episodes);
        }
        QTable table = table(source, states);
        Instant updated = instant(source, "updatedAt", updatedAt).orElse(Instant.EPOCH);
        return new Policy(key == null || key.isBlank() ? fallbackKey : key,
                generation == null || generation.isBlank() ? "imported" : generation,
                parameters == null ? LearningParameters.DEFAULTS : parameters,
                rewards == null ? RewardPolicy.DEFAULTS : rewards,
                table, episodes == null ? 0 : episodes, latencyThresholdMs, updated);
    }

    static QTable table(String source, Map<String, Map<String, Cell>> states) {
        QTable table = new QTable();
        if (states == null) {
            throw new PolicyFormatException(source, "states", "missing");
        }
        for (Map.Entry<String, Map<String, Cell>> row : states.entrySet()) {
            String state = row.getKey();
            String path = "states." + state;
            try {
                table.ensureState(state);
            } catch (IllegalArgumentException e) {
                throw new PolicyFormatException(source, path, e.getMessage());
            }
            if (row.getValue() == null) {
                throw new PolicyFormatException(source, path, "must be an object of actions");
            }
            for (Map.Entry<String, Cell> cell : row.getValue().entrySet()) {
                String cellPath = path + "." + cell.getKey();
                ActionKind action = ActionKind.fromId(cell.getKey()).orElseThrow(() -> new PolicyFormatException(
                        source, cellPath, "unknown action; known actions: " + ActionKind.ids()));
                Cell c = cell.getValue();
                if (c == null || c.q() == null || !Double.isFinite(c.q())) {
                    throw new PolicyFormatException(source, cellPath + ".q", "must be a finite number");
                }
                long visits = c.visits() == null ? 0 : c.visits();
                if (visits < 0) {
                    throw new PolicyFormatException(source, cellPath + ".visits", "must be >= 0, was " + visits);
                }
                table.put(state, action, new QEntry(c.q(), visits, instant(source, cellPath + ".updated", c.updated())));
            }
        }
        return table;
    }

    private static Optional<Instant> instant(String source, String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new PolicyFormatException(source, field, "not an ISO-8601 instant: " + quoted(text));
        }
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    static String newGeneration() {
        return java.util.UUID.randomUUID().toString();
    }
}
