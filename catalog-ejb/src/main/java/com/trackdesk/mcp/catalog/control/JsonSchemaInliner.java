package com.trackdesk.mcp.catalog.control;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns swagger-parser schemas into plain JSON Schema maps with every local {@code $ref} inlined.
 * <p>
 * swagger-parser's own {@code resolveFully} loops or overflows the stack on recursive schemas
 * (GitHub, Stripe), so we let Jackson write each schema once and inline references here, cutting
 * a reference to a schema that is already being inlined with a {@code $comment} and capping the depth.
 */
public class JsonSchemaInliner {

    static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    /** Map nesting levels; every schema level costs about two (the schema and its "properties"). */
    static final int MAX_NESTING = 24;

    private final Map<String, Schema> components;
    private final Map<String, Map<String, Object>> written = new HashMap<>();

    public JsonSchemaInliner(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    public Map<String, Object> inline(Schema<?> schema) {
        if (schema == null) {
            return Map.of();
        }
        return asMap(inline(write(schema), new ArrayDeque<>(), 0));
    }

    /** The component name a {@code #/components/schemas/...} reference points at, or null. */
    public static String componentName(String ref) {
        if (ref == null || !ref.startsWith(SCHEMA_REF_PREFIX)) {
            return null;
        }
        return ref.substring(SCHEMA_REF_PREFIX.length()).replace("~1", "/").replace("~0", "~");
    }

    private Object inline(Object node, Deque<String> inlining, int nesting) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String ref) {
                return inlineReference(ref, map, inlining, nesting);
            }
            if (nesting >= MAX_NESTING) {
                return Map.of("$comment", "nested too deep; omitted");
            }
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), inline(value, inlining, nesting + 1)));
            return copy;
        }
        if (node instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(inline(item, inlining, nesting)));
            return copy;
        }
        return node;
    }

    private Object inlineReference(String ref, Map<?, ?> referring, Deque<String> inlining, int nesting) {
        var name = componentName(ref);
        if (name == null || !components.containsKey(name)) {
            // Remote or unknown references stay as they are: we cannot do better than the spec.
            return new LinkedHashMap<>(asMap(referring));
        }
        if (inlining.contains(name)) {
            return new LinkedHashMap<>(Map.of("$comment", "recursive reference to " + name));
        }
        inlining.push(name);
        try {
            var target = new LinkedHashMap<>(asMap(inline(writtenComponent(name), inlining, nesting)));
            // OpenAPI 3.1 allows keywords next to $ref (e.g. a description); they refine the target.
            referring.forEach((key, value) -> {
                if (!"$ref".equals(key)) {
                    target.put(String.valueOf(key), inline(value, inlining, nesting + 1));
                }
            });
            return target;
        } finally {
            inlining.pop();
        }
    }

    private Map<String, Object> writtenComponent(String name) {
        return written.computeIfAbsent(name, n -> write(components.get(n)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> write(Schema<?> schema) {
        if (schema.getSpecVersion() == SpecVersion.V31) {
            return Json31.jsonSchemaAsMap(schema);
        }
        return Json.mapper().convertValue(schema, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
