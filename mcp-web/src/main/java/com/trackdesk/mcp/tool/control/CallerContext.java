package com.trackdesk.mcp.tool.control;

import com.trackdesk.mcp.authorization.entity.AuthKind;
import com.trackdesk.mcp.authorization.entity.Connection;
import com.trackdesk.mcp.usage.control.CallLedger;
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
    static final String AUTH_KIND = "authKind";
    static final String READ_ONLY = "readOnly";
    static final String LEDGER = "callLedger";

    private CallerContext() {
    }

    /**
     * One request's context.
     *
     * @param connection       the authenticated caller (null when the request carried no credentials)
     * @param protocolRevision the MCP revision the request is served under, for the metrics (null when not known)
     */
    public static McpTransportContext of(Connection connection, String host, String protocolRevision) {
        return of(connection, host, protocolRevision, null);
    }

    /** @param ledger the request's {@link CallLedger} (null when the request has none) */
    public static McpTransportContext of(Connection connection, String host, String protocolRevision, CallLedger ledger) {
        Map<String, Object> values = new HashMap<>();
        if (ledger != null) {
            values.put(LEDGER, ledger);
        }
        if (connection != null) {
            values.put(API_KEY, connection.apiKey());
            values.put(AUTH_KIND, connection.kind());
            values.put(READ_ONLY, connection.readOnly());
        }
        if (protocolRevision != null) {
            values.put(PROTOCOL_REVISION, protocolRevision);
        }
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

    public static Optional<CallLedger> ledger(McpTransportContext context) {
        return Optional.ofNullable((CallLedger) context.get(LEDGER));
    }

    public static Optional<String> protocolRevision(McpTransportContext context) {
        return Optional.ofNullable((String) context.get(PROTOCOL_REVISION));
    }
}
