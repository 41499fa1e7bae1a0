package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.Map;
import java.util.Optional;

/** The protocol fields a 2026-07-28 request carries in {@code params._meta}. */
public final class RequestMeta {

    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    private RequestMeta() {
    }

    public static Optional<Map<?, ?>> of(McpSchema.JSONRPCRequest request) {
        if (request.params() instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta) {
            return Optional.of(meta);
        }
        return Optional.empty();
    }

    /** The raw value of the version field: any JSON value, so callers can tell "missing" from "not a string". */
    public static Optional<Object> protocolVersion(McpSchema.JSONRPCRequest request) {
        return of(request).map(meta -> meta.get(PROTOCOL_VERSION));
    }
}
