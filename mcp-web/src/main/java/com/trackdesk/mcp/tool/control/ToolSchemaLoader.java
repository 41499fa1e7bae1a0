package com.trackdesk.mcp.tool.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON Schemas (dialect 2020-12, declared in each file) and icons of the tools, kept as resources so
 * they stay readable and reviewable.
 */
@ApplicationScoped
public class ToolSchemaLoader {

    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {
    };

    @Inject
    McpJsonMapper json;

    public Map<String, Object> load(String resource) {
        try (InputStream in = ToolSchemaLoader.class.getResourceAsStream("/tools/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing tool schema resource /tools/" + resource);
            }
            return json.readValue(in.readAllBytes(), OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable tool schema /tools/" + resource, e);
        }
    }

    /**
     * An SVG icon as a {@code data:} URI: clients must not fetch icons from other origins, and a data URI
     * needs no fetch at all.
     */
    public List<McpSchema.Icon> icon(String resource) {
        try (InputStream in = ToolSchemaLoader.class.getResourceAsStream("/tools/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing tool icon resource /tools/" + resource);
            }
            String uri = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
            return List.of(new McpSchema.Icon(uri, "image/svg+xml", List.of("any"), null));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable tool icon /tools/" + resource, e);
        }
    }
}
