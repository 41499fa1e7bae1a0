package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.spec.McpSchema;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The 2026-07-28 Streamable HTTP rule that headers mirror the body: {@code Mcp-Method} must equal the method,
 * {@code MCP-Protocol-Version} the version in {@code _meta}, and {@code Mcp-Name} the tool name (or resource
 * uri). A gateway may route or authorise on the headers while we act on the body, so any disagreement is
 * refused (HeaderMismatch, -32020, HTTP 400) before anything runs.
 */
public final class ModernHeaderRules {

    static final String METHOD = "Mcp-Method";
    static final String NAME = "Mcp-Name";
    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";

    private ModernHeaderRules() {
    }

    /**
     * What is wrong with the headers of this request, if anything.
     *
     * @param header looks a header up by its (case-insensitive) name; null when absent
     */
    public static Optional<String> mismatch(McpSchema.JSONRPCRequest request, UnaryOperator<String> header) {
        String method = header.apply(METHOD);
        if (method == null) {
            return Optional.of("Missing required header: Mcp-Method (it must repeat the JSON-RPC method '"
                    + request.method() + "')");
        }
        if (!method.equals(request.method())) {
            return Optional.of("Header mismatch: Mcp-Method header value '" + printable(method)
                    + "' does not match body value '" + request.method() + "'");
        }
        if (RequestMeta.protocolVersion(request).orElse(null) instanceof String bodyVersion) {
            String version = header.apply(PROTOCOL_VERSION);
            if (version == null) {
                return Optional.of("Missing required header: MCP-Protocol-Version (it must repeat _meta "
                        + RequestMeta.PROTOCOL_VERSION + ")");
            }
            if (!version.trim().equals(bodyVersion)) {
                return Optional.of("Header mismatch: MCP-Protocol-Version header value '" + printable(version)
                        + "' does not match _meta value '" + printable(bodyVersion) + "'");
            }
        }
        return nameMismatch(request, header.apply(NAME));
    }

    private static Optional<String> nameMismatch(McpSchema.JSONRPCRequest request, String nameHeader) {
        String key = switch (request.method()) {
            case McpSchema.METHOD_TOOLS_CALL, McpSchema.METHOD_PROMPT_GET -> "name";
            case McpSchema.METHOD_RESOURCES_READ -> "uri";
            default -> null;
        };
        if (key == null || !(request.params() instanceof Map<?, ?> params) || !(params.get(key) instanceof String name)) {
            return Optional.empty();
        }
        if (nameHeader == null) {
            return Optional.of("Missing required header: Mcp-Name (it must repeat params." + key + ")");
        }
        Optional<String> decoded = decode(nameHeader);
        if (decoded.isEmpty()) {
            return Optional.of("Header mismatch: Mcp-Name header value is not valid (=?base64?...?= with Base64 inside)");
        }
        if (!decoded.get().equals(name)) {
            return Optional.of("Header mismatch: Mcp-Name header value '" + printable(decoded.get())
                    + "' does not match body value '" + printable(name) + "'");
        }
        return Optional.empty();
    }

    /** Plain values as they are; the Base64 sentinel form {@code =?base64?...?=} decoded as UTF-8. */
    static Optional<String> decode(String value) {
        if (!value.startsWith(BASE64_PREFIX) || !value.endsWith(BASE64_SUFFIX)
                || value.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()) {
            return Optional.of(value);
        }
        String encoded = value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
        try {
            return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Client-supplied text quoted in an error: short, and without control characters. */
    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
