package org.policyevaluator.report;

import java.io.PrintWriter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes results as JSON: indented, fields in declaration order, numbers in plain notation, no
 * timestamps — so that the same input and ruleset give byte-identical output.
 */
public final class JsonReport {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final JsonMapper COMPACT = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonReport() {
    }

    public static void write(Object value, PrintWriter out) {
        out.println(toJson(value));
        out.flush();
    }

    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Compact JSON (no indentation), as JSON lines carry it. */
    public static String compact(Object value) {
        return COMPACT.writeValueAsString(value);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
