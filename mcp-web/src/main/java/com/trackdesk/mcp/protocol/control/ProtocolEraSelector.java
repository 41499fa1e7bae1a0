package com.trackdesk.mcp.protocol.control;

import com.trackdesk.mcp.protocol.entity.ProtocolEra;
import com.trackdesk.mcp.protocol.entity.ProtocolRevisions;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Picks the era of one request from how the client speaks, since a dual-era server has no session to
 * remember it in: {@code initialize} is legacy, {@code server/discover} is modern; otherwise the version the
 * request names ({@code _meta} first, then the {@code MCP-Protocol-Version} header) decides. A request naming no
 * version is a legacy one (clients before 2025-06-18 sent no header). A version we do not know goes to the
 * modern rules, which answer it with UnsupportedProtocolVersion and the list of versions we speak.
 */
public final class ProtocolEraSelector {

    private ProtocolEraSelector() {
    }

    public static ProtocolEra of(McpSchema.JSONRPCRequest request, String versionHeader) {
        if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            return ProtocolEra.LEGACY;
        }
        if (ModernProtocol.METHOD_DISCOVER.equals(request.method())) {
            return ProtocolEra.MODERN;
        }
        Object metaVersion = RequestMeta.protocolVersion(request).orElse(null);
        String header = versionHeader == null ? null : versionHeader.trim();
        if (metaVersion == null) {
            return header == null || ProtocolRevisions.isLegacy(header) ? ProtocolEra.LEGACY : ProtocolEra.MODERN;
        }
        boolean legacyMeta = metaVersion instanceof String version && ProtocolRevisions.isLegacy(version);
        return legacyMeta && (header == null || ProtocolRevisions.isLegacy(header)) ? ProtocolEra.LEGACY : ProtocolEra.MODERN;
    }

    /** The revision a legacy request is served under, for the metrics: the version it names, else 2025-03-26. */
    public static String legacyRevision(McpSchema.JSONRPCRequest request, String versionHeader) {
        if (RequestMeta.protocolVersion(request).orElse(null) instanceof String version && ProtocolRevisions.isLegacy(version)) {
            return version;
        }
        return versionHeader == null ? ProtocolRevisions.WITHOUT_HEADER : versionHeader.trim();
    }
}
