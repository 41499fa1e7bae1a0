package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Who this server says it is during initialize, and what it teaches the assistant. */
@ApplicationScoped
public class ServerIdentity {

    public McpSchema.Implementation implementation() {
        return new McpSchema.Implementation("trackdesk-mcp", "Trackdesk MCP server", version());
    }

    public String instructions() {
        return resource("/instructions.txt").strip();
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = ServerIdentity.class.getResourceAsStream("/server.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "dev");
    }

    private static String resource(String name) {
        try (InputStream in = ServerIdentity.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
