package io.jenkins.plugins.selfheal.engine.detect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Reads a custom {@link RuleSet} from a JSON file:
 *
 * <pre>{@code
 * {
 *   "name": "orders",              // required; the state becomes anomaly_orders ([a-z0-9_]+)
 *   "id": "orders",                // optional lookup id; defaults to name
 *   "columns": [                   // required; the exact header, in order
 *     {"name": "id", "type": "text", "required": true, "allowed": ["a", "b"]},
 *     {"name": "amount", "type": "number", "min": 0, "max": 1000, "meanMin": 10, "meanMax": 500}
 *   ]
 * }
 * }</pre>
 *
 * <p>Per column: {@code name} and {@code type} ({@code text} | {@code number}) are required;
 * {@code required} defaults to false; {@code min}, {@code max}, {@code meanMin}, {@code meanMax}
 * (numbers, inclusive, number columns only) and {@code allowed} (strings, text columns only) are
 * optional. See {@link ColumnRule} for what each rule means. Unknown fields, values of the wrong
 * type (no {@code "5"} for 5) and contradicting rules throw {@link InvalidRuleSetException}.
 */
public final class RuleSetLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    record RuleSetJson(String name, String id, List<ColumnJson> columns) {
    }

    record ColumnJson(String name, String type, Boolean required, Double min, Double max, List<String> allowed,
                      Double meanMin, Double meanMax) {
    }

    private RuleSetLoader() {
    }

    public static RuleSet load(Path json) {
        RuleSetJson parsed;
        try (InputStream in = Files.newInputStream(json)) {
            parsed = MAPPER.readValue(in, RuleSetJson.class);
        } catch (NoSuchFileException e) {
            throw new InvalidRuleSetException(json, 0, null, "the rule set file does not exist", e);
        } catch (JsonProcessingException e) {
            throw fromJackson(json, e);
        } catch (IOException e) {
            throw new InvalidRuleSetException(json, 0, null, "cannot read the rule set file: " + e, e);
        }
        if (parsed == null) {
            throw new InvalidRuleSetException(json, 0, null, "expected a JSON object, found null", null);
        }
        return toRuleSet(json, parsed);
    }

    private static RuleSet toRuleSet(Path json, RuleSetJson parsed) {
        String name = present(json, "name", parsed.name());
        List<ColumnJson> columnsJson = present(json, "columns", parsed.columns());
        List<ColumnRule> columns = new ArrayList<>();
        for (int i = 0; i < columnsJson.size(); i++) {
            String field = "columns[" + i + "]";
            ColumnJson column = present(json, field, columnsJson.get(i));
            try {
                columns.add(toColumn(json, field, column));
            } catch (IllegalArgumentException e) {
                throw e instanceof InvalidRuleSetException ? e : new InvalidRuleSetException(json, 0, field, e.getMessage(), e);
            }
        }
        try {
            return new RuleSet(parsed.id() == null ? name : parsed.id(), name, columns);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleSetException(json, 0, null, e.getMessage(), e);
        }
    }

    private static ColumnRule toColumn(Path json, String field, ColumnJson column) {
        String name = present(json, field + ".name", column.name());
        String typeName = present(json, field + ".type", column.type());
        ColumnType type = switch (typeName) {
            case "text" -> ColumnType.TEXT;
            case "number" -> ColumnType.NUMBER;
            default -> throw new InvalidRuleSetException(json, 0, field + ".type",
                    "'" + typeName + "' is not a type, expected text or number", null);
        };
        List<String> allowed = column.allowed() == null ? List.of() : column.allowed();
        if (allowed.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRuleSetException(json, 0, field + ".allowed", "null is not an allowed value", null);
        }
        return new ColumnRule(name, type, Boolean.TRUE.equals(column.required()), optional(column.min()),
                optional(column.max()), new LinkedHashSet<>(allowed), optional(column.meanMin()), optional(column.meanMax()));
    }

    private static <T> T present(Path json, String field, T value) {
        if (value == null) {
            throw new InvalidRuleSetException(json, 0, field, "missing (or null)", null);
        }
        return value;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static InvalidRuleSetException fromJackson(Path json, JsonProcessingException e) {
        if (e instanceof DatabindException && e.getCause() instanceof StreamReadException syntax) {
            return fromJackson(json, syntax); // a syntax error met while binding
        }
        JsonLocation where = e.getLocation();
        long line = where == null ? 0 : Math.max(0, where.getLineNr());
        if (!(e instanceof DatabindException mapping)) {
            String column = where == null ? "" : " at column " + where.getColumnNr();
            String detail = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
            return new InvalidRuleSetException(json, line, null, "not valid JSON" + column + ": " + detail, e);
        }
        String field = path(((JsonMappingException) mapping).getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return new InvalidRuleSetException(json, line, field, "unknown field (known: " + known + ")", e);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            return new InvalidRuleSetException(json, line, field.isEmpty() ? null : field, "expected " + expected, e);
        }
        return new InvalidRuleSetException(json, line, field.isEmpty() ? null : field, e.getOriginalMessage(), e);
    }

    private static String expected(Class<?> type) {
        if (type == Double.class || type == Double.TYPE) {
            return "a number";
        }
        if (type == Boolean.class || type == Boolean.TYPE) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Jackson's reference path as {@code columns[1].min}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
