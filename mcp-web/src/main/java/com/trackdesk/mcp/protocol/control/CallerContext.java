package com.trackdesk.mcp.protocol.control;

import com.trackdesk.mcp.authorization.entity.AuthKind;
import com.trackdesk.mcp.authorization.entity.Connection;
import io.modelcontextprotocol.common.McpTransportContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool handler may know about the HTTP request that carried the MCP message.
 * The API key lives here only for the duration of one request: it is never put into
 * a long-lived object, a log line or a thread name.
 */
public final class CallerContext {

    static final String API_KEY = "apiKey";
    static final String HOST = "host";
    static final String AUTH_KIND = "authKind";
    static final String READ_ONLY = "readOnly";

    private CallerContext() {
    }

    public static McpTransportContext of(String apiKey, String host) {
        Map<String, Object> values = new HashMap<>();
        if (apiKey != null && !apiKey.isBlank()) {
            values.put(API_KEY, apiKey);
        }
        if (host != null) {
            values.put(HOST, host);
        }
        return McpTransportContext.create(values);
    }

    /** An authenticated request: the connection's token, how it arrived, and whether it is read-only. */
    public static McpTransportContext of(Connection connection, String host) {
        if (connection == null) {
            return of((String) null, host);
        }
        Map<String, Object> values = new HashMap<>();
        values.put(API_KEY, connection.apiKey());
        values.put(AUTH_KIND, connection.kind());
        values.put(READ_ONLY, connection.readOnly());
        if (host != null) {
            values.put(HOST, host);
        }
        return McpTransportContext.create(values);
    }

    public static Optional<AuthKind> authKind(McpTransportContext context) {
        return Optional.ofNullable((AuthKind) context.get(AUTH_KIND));
    }

    public static boolean readOnly(McpTransportContext context) {
        return Boolean.TRUE.equals(context.get(READ_ONLY));
    }

    public static Optional<String> apiKey(McpTransportContext context) {
        return Optional.ofNullable((String) context.get(API_KEY));
    }

    public static Optional<String> host(McpTransportContext context) {
        return Optional.ofNullable((String) context.get(HOST));
    }
}
