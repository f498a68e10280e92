package io.jenkins.plugins.selfheal.engine.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a user's simulated environment ({@code --environment FILE}):
 * <pre>{@code
 * {"deployment_failure": {"retry_deployment": {"probability": 0.85, "seconds": 30}, "restart_service": {"probability": 0.4}},
 *  "latency_issue":      {"adjust_thresholds": {"probability": 0.9, "seconds": 1}},
 *  "anomaly":            {"restore_previous_version": {"probability": 0.95, "seconds": 60}}}
 * }</pre>
 * Every failure type is required; an action left out never clears that failure; {@code seconds} defaults
 * to 0.2; {@code escalate} is not allowed (it hands over to a person, it never clears anything). A row in
 * which no action can clear the failure has no intended action and is refused. Every problem is one
 * {@link IllegalArgumentException} naming the file and the JSON path, e.g.
 * {@code env.json: $.latency_issue.adjust_thresholds.probability: must be between 0 and 1, was 1.5}.
 */
public final class EnvironmentFile {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private EnvironmentFile() {
    }

    public static SuccessTable load(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), root);
    }

    static SuccessTable parse(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad(source, "$", "expected an object with deployment_failure, latency_issue and anomaly");
        }
        Map<FailureKind, Map<ActionKind, SuccessTable.Cell>> rows = new EnumMap<>(FailureKind.class);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            FailureKind type = type(name).orElseThrow(() -> bad(source, "$." + name,
                    "unknown failure type (known: " + knownTypes() + ")"));
            rows.put(type, row(source, "$." + name, root.get(name)));
        }
        for (FailureKind type : FailureKind.values()) {
            if (!rows.containsKey(type)) {
                throw bad(source, "$." + type.tableKey(), "missing: every failure type needs a row (" + knownTypes() + ")");
            }
            if (rows.get(type).values().stream().allMatch(c -> c.probability() == 0)) {
                throw bad(source, "$." + type.tableKey(), "no action can clear this failure (every probability is 0)");
            }
        }
        return new SuccessTable(rows);
    }

    private static Map<ActionKind, SuccessTable.Cell> row(String source, String path, JsonNode node) {
        if (!node.isObject()) {
            throw bad(source, path, "expected an object of actions");
        }
        Map<ActionKind, SuccessTable.Cell> row = new EnumMap<>(ActionKind.class);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String at = path + "." + name;
            ActionKind action = ActionKind.fromId(name).filter(a -> a != ActionKind.ESCALATE).orElseThrow(() -> bad(source, at,
                    "unknown action (known: " + String.join(", ", ActionKind.ids().subList(0, ActionKind.values().length - 1))
                            + "; escalate never clears a failure)"));
            row.put(action, cell(source, at, node.get(name)));
        }
        return row;
    }

    private static SuccessTable.Cell cell(String source, String path, JsonNode node) {
        if (!node.isObject()) {
            throw bad(source, path, "expected an object like {\"probability\": 0.8, \"seconds\": 30}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("probability") && !name.equals("seconds")) {
                throw bad(source, path + "." + name, "unknown field (known: probability, seconds)");
            }
        }
        double p = number(source, path + ".probability", node.get("probability"), null);
        if (!(p >= 0 && p <= 1)) {
            throw bad(source, path + ".probability", "must be between 0 and 1, was " + p);
        }
        double seconds = number(source, path + ".seconds", node.get("seconds"), SuccessTable.DEFAULT_DURATION.toMillis() / 1000.0);
        if (!(seconds >= 0 && seconds <= 86_400)) {
            throw bad(source, path + ".seconds", "must be between 0 and 86400, was " + seconds);
        }
        return new SuccessTable.Cell(p, Duration.ofMillis(Math.round(seconds * 1000)));
    }

    private static double number(String source, String path, JsonNode node, Double otherwise) {
        if (node == null && otherwise != null) {
            return otherwise;
        }
        if (node == null || !node.isNumber()) {
            throw bad(source, path, node == null ? "missing" : "expected a number, got " + node);
        }
        return node.doubleValue();
    }

    private static Optional<FailureKind> type(String id) {
        for (FailureKind type : FailureKind.values()) {
            if (type.tableKey().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static String knownTypes() {
        return java.util.Arrays.stream(FailureKind.values()).map(FailureKind::tableKey)
                .collect(Collectors.joining(", "));
    }

    private static IllegalArgumentException bad(String source, String path, String detail) {
        return new IllegalArgumentException(source + ": " + path + ": " + detail);
    }
}
