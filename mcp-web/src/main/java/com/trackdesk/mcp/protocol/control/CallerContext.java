package com.trackdesk.mcp.protocol.control;

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
    static final String PROTOCOL_REVISION = "protocolRevision";

    private CallerContext() {
    }

    public static McpTransportContext of(String apiKey, String host) {
        return of(apiKey, host, null);
    }

    /** @param protocolRevision the MCP revision the request is served under, for the metrics */
    public static McpTransportContext of(String apiKey, String host, String protocolRevision) {
        Map<String, Object> values = new HashMap<>();
        if (protocolRevision != null) {
            values.put(PROTOCOL_REVISION, protocolRevision);
        }
        if (apiKey != null && !apiKey.isBlank()) {
            values.put(API_KEY, apiKey);
        }
        if (host != null) {
            values.put(HOST, host);
        }
        return McpTransportContext.create(values);
    }

    public static Optional<String> apiKey(McpTransportContext context) {
        return Optional.ofNullable((String) context.get(API_KEY));
    }

    public static Optional<String> host(McpTransportContext context) {
        return Optional.ofNullable((String) context.get(HOST));
    }

    public static Optional<String> protocolRevision(McpTransportContext context) {
        return Optional.ofNullable((String) context.get(PROTOCOL_REVISION));
    }
}
