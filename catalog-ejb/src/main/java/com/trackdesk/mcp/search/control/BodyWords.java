package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.RequestBody;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a request body is made of: its schema's name and its property names a few levels deep.
 * gRPC-style bodies wrap what matters ({@code filters.emails}, {@code filters.affS1s}) one level down.
 */
final class BodyWords {

    static final int MAX_DEPTH = 3;
    static final int MAX_NAMES = 200;

    private BodyWords() {
    }

    static String of(RequestBody body) {
        return String.join(" . ", names(body));
    }

    static Set<String> names(RequestBody body) {
        var names = new LinkedHashSet<String>();
        if (body.schema().get("title") instanceof String title) {
            names.add(title);
        }
        names.addAll(body.topLevelFields());
        collect(body.schema(), 1, names);
        return names;
    }

    private static void collect(Map<?, ?> schema, int depth, Set<String> names) {
        if (depth > MAX_DEPTH || names.size() >= MAX_NAMES) {
            return;
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> {
                if (names.size() < MAX_NAMES) {
                    names.add(String.valueOf(name));
                }
                if (property instanceof Map<?, ?> nested) {
                    collect(nested, depth + 1, names);
                }
            });
        }
        for (var key : List.of("items", "allOf", "oneOf", "anyOf")) {
            var value = schema.get(key);
            if (value instanceof Map<?, ?> nested) {
                collect(nested, depth, names);
            } else if (value instanceof List<?> parts) {
                parts.stream().filter(Map.class::isInstance).forEach(part -> collect((Map<?, ?>) part, depth, names));
            }
        }
    }
}
