package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.stream.Collectors;

/** The one Jackson configuration for policy documents and episode logs, with readable errors. */
public final class PolicyJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PolicyJson() {
    }

    public static PolicyDocument readDocument(byte[] json, String source) {
        return read(json, PolicyDocument.class, source);
    }

    public static LogEntry readLogEntry(String line, String source) {
        return read(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), LogEntry.class, source);
    }

    /** An episode as one JSON line of the episode log (how a build record keeps it). */
    public static String writeEpisode(io.jenkins.plugins.selfheal.engine.episode.Episode episode) {
        return new String(write(EpisodeRecords.entry(episode), false), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @throws PolicyFormatException naming {@code source} when the JSON is not an episode */
    public static io.jenkins.plugins.selfheal.engine.episode.Episode readEpisode(String json, String source) {
        LogEntry entry = readLogEntry(json, source);
        return entry.episode().orElseThrow(() -> new PolicyFormatException(source, null, "not an episode"));
    }

    public static byte[] write(Object value, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value) : MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type, String source) {
        if (json.length == 0) {
            throw new PolicyFormatException(source, null, "empty file");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new PolicyFormatException(source, null, "no JSON document");
            }
            return value;
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String problem = cause != null ? cause.getMessage() : readable(e);
            throw new PolicyFormatException(source, path(e), problem.lines().findFirst().orElse(problem));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new PolicyFormatException(source, null, "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new PolicyFormatException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Jackson's problem in the document's terms: no Java type names (a person reads this, not a developer). */
    private static String readable(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + (unknown.getKnownPropertyIds() == null ? ""
                    : " (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        }
        String message = e.getOriginalMessage();
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "expected " + kind(invalid.getTargetType()) + ", found '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Matcher found = Pattern.compile("from (\\w+) value").matcher(message);
            if (found.find()) {
                return "expected " + kind(mismatch.getTargetType()) + ", found " + found.group(1).toLowerCase(Locale.ROOT)
                        .replace("array", "an array").replace("object", "an object").replace("string", "a string")
                        .replace("integer", "a number").replace("double", "a number").replace("boolean", "true/false");
            }
        }
        return message.replaceAll(" \\(set .*\\)$", "").replaceAll(" ?\\(class [^)]*\\)", "")
                .replaceAll(" of type `[^`]*`", "").replaceAll("`(?:[\\w$]+\\.)*([\\w$]+)[^`]*`", "$1");
    }

    private static String kind(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return type == PolicyDocument.class ? "a JSON object (a self-heal policy export)" : "a JSON object";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }
}
