package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
            String problem = cause != null ? cause.getMessage() : e.getOriginalMessage().replaceAll(" \\(set .*\\)$", "");
            throw new PolicyFormatException(source, path(e), problem.lines().findFirst().orElse(problem));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new PolicyFormatException(source, null, "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new PolicyFormatException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }
}
