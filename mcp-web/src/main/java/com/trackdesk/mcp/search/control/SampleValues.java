package com.trackdesk.mcp.search.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed sample values for a JSON Schema, so an example call shows the expected shape at a glance. */
final class SampleValues {

    private SampleValues() {
    }

    static Object forSchema(Map<String, Object> schema, int depth) {
        if (schema == null) {
            return "…";
        }
        if (schema.get("example") != null) {
            return schema.get("example");
        }
        if (schema.get("default") != null) {
            return schema.get("default");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types && !types.isEmpty()) {
            type = types.get(0);
        }
        if (type == null && schema.get("properties") != null) {
            type = "object";
        }
        return switch (String.valueOf(type)) {
            case "integer" -> 0;
            case "number" -> 0.0;
            case "boolean" -> false;
            case "array" -> depth > 0 && schema.get("items") instanceof Map<?, ?> items
                    ? List.of(forSchema(cast(items), depth - 1)) : List.of();
            case "object" -> object(schema, depth);
            default -> "string".equals(String.valueOf(type)) && "date-time".equals(schema.get("format"))
                    ? "2026-01-31T00:00:00Z" : "…";
        };
    }

    private static Object object(Map<String, Object> schema, int depth) {
        Map<String, Object> sample = new LinkedHashMap<>();
        if (depth <= 0 || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return sample;
        }
        properties.forEach((name, property) -> sample.put(String.valueOf(name),
                property instanceof Map<?, ?> p ? forSchema(cast(p), depth - 1) : "…"));
        return sample;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
