package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tools/call validates its arguments and its result against the tool's schemas: the schema is compiled on
 * first use and, from then on, neither walked nor hashed again (issue 17: the SDK's own key walked the whole schema
 * twice per call).
 */
class ToolSchemaValidatorTest {

    final ToolSchemaValidator validator = new ToolSchemaValidator();

    @Test
    void aSchemaIsNotWalkedAgainOnceCompiled() {
        CountingSchema schema = new CountingSchema(Map.of("type", "object",
                "properties", Map.of("status", Map.of("type", "integer")), "required", List.of("status")));
        validator.validate(schema, Map.of("status", 200));
        schema.reads = 0;

        for (int call = 0; call < 1_000; call++) {
            assertThat(validator.validate(schema, Map.of("status", 200, "body", List.of(call))).valid()).isTrue();
        }

        assertThat(schema.reads).as("reads of the schema map after the first call").isZero();
        assertThat(validator.getCacheSize()).isEqualTo(1);
    }

    @Test
    void contentThatBreaksTheSchemaIsStillRefused() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("status", Map.of("type", "integer")),
                "required", List.of("status"));

        ValidationResponse missing = validator.validate(schema, Map.of("body", "x"));
        ValidationResponse wrongType = validator.validate(schema, Map.of("status", "two hundred"));

        assertThat(missing.valid()).isFalse();
        assertThat(missing.errorMessage()).contains("status");
        assertThat(wrongType.valid()).isFalse();
        assertThat(wrongType.errorMessage()).contains("integer");
    }

    @Test
    void twoEqualSchemaObjectsAreTwoSchemas() {
        Map<String, Object> first = new LinkedHashMap<>(Map.of("type", "object"));
        Map<String, Object> second = new LinkedHashMap<>(Map.of("type", "object"));

        validator.validate(first, Map.of());
        validator.validate(second, Map.of());

        assertThat(validator.getCacheSize()).isEqualTo(2);
    }

    /** A schema that counts how often anything reads it as a whole (hashing, iterating, looking up). */
    static final class CountingSchema extends LinkedHashMap<String, Object> {
        int reads;

        CountingSchema(Map<String, Object> content) {
            super(content);
        }

        @Override
        public int hashCode() {
            reads++;
            return super.hashCode();
        }

        @Override
        public java.util.Set<Map.Entry<String, Object>> entrySet() {
            reads++;
            return super.entrySet();
        }

        @Override
        public Object get(Object key) {
            reads++;
            return super.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            reads++;
            return super.containsKey(key);
        }
    }
}
