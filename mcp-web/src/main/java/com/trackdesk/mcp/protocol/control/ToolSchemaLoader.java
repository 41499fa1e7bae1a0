package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads the JSON Schemas of the tools, kept as resources so they stay readable and reviewable. */
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
}
