package com.trackdesk.mcp.execution.control;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the request-side view of OpenAPI schemas into networknt JSON Schema validators, once per
 * schema object. The request-side view differs from the spec in two ways: {@code readOnly}
 * properties are never required in a request (the server fills them), OpenAPI 3.0's
 * {@code nullable: true} means "or null", and integers the API writes as strings may be sent as numbers.
 */
@ApplicationScoped
public class RequestSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_CACHED = 5_000;
    private static final Set<String> INTEGER_FORMATS = Set.of("int64", "uint64", "int32", "uint32", "fixed64", "sfixed64");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** Keyed by the schema map's identity: catalog schemas are immutable and replaced wholesale on reload. */
    private final Map<IdentityKey, Schema> compiled = new ConcurrentHashMap<>();

    public Schema compile(Map<String, Object> schema, Set<String> providedElsewhere) {
        IdentityKey key = new IdentityKey(schema, providedElsewhere);
        Schema found = compiled.get(key);
        if (found != null) {
            return found;
        }
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(key, k -> registry.getSchema(JSON.valueToTree(requestView(schema, providedElsewhere, 0))));
    }

    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    @SuppressWarnings("unchecked")
    static Object requestView(Object node, Set<String> providedElsewhere, int depth) {
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(requestView(item, Set.of(), depth + 1)));
            return copy;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, requestView(v, Set.of(), depth + 1)));
        if (copy.get("properties") instanceof Map<?, ?> properties && copy.get("required") instanceof List<?> required) {
            List<Object> stillRequired = new ArrayList<>();
            for (Object name : required) {
                Object property = properties.get(name);
                boolean readOnly = property instanceof Map<?, ?> p && Boolean.TRUE.equals(p.get("readOnly"));
                if (!readOnly && !(depth == 0 && providedElsewhere.contains(String.valueOf(name)))) {
                    stillRequired.add(name);
                }
            }
            copy.put("required", stillRequired);
        }
        if ("string".equals(copy.get("type")) && INTEGER_FORMATS.contains(String.valueOf(copy.get("format")))) {
            // protobuf JSON writes 64-bit integers as strings but reads numbers too
            copy.put("type", List.of("string", "integer"));
        }
        if (Boolean.TRUE.equals(copy.remove("nullable"))) {
            Object type = copy.get("type");
            if (type instanceof String single) {
                copy.put("type", List.of(single, "null"));
            } else if (type instanceof List<?> several && !several.contains("null")) {
                List<Object> withNull = new ArrayList<>(several);
                withNull.add("null");
                copy.put("type", withNull);
            }
        }
        return copy;
    }

    private record IdentityKey(Map<String, Object> schema, Set<String> providedElsewhere) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.schema == schema && key.providedElsewhere.equals(providedElsewhere);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema) * 31 + providedElsewhere.hashCode();
        }
    }
}
