package com.trackdesk.mcp.protocol.control;

import com.trackdesk.mcp.protocol.entity.ProtocolRevisions;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * MCP 2026-07-28 on top of the same tools the SDK serves to 2025 clients: {@code server/discover},
 * {@code tools/list} and {@code tools/call}, each request self-contained (version, capabilities and client
 * in {@code _meta}; no initialize, no session). Results carry {@code resultType}, the server's identity in
 * {@code _meta}, and the list caching hints ({@code ttlMs}, {@code cacheScope}) where the revision asks for them.
 *
 * <p>Work happens in two steps so a refusal can still get its HTTP status: {@link #refusal} checks everything
 * that is decided from the request alone (version, headers, {@code _meta}, method, tool name), {@link #answer}
 * does the work.
 */
public final class ModernProtocol {

    public static final String METHOD_DISCOVER = "server/discover";
    static final String COMPLETE = "complete";
    /** Tool definitions hold no user data and are the same for every caller of this server. */
    static final String PUBLIC = "public";
    static final int MAX_ECHOED_VERSION = 64;

    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {
    };

    private final Map<String, SyncToolSpecification> tools = new LinkedHashMap<>();
    private final List<Map<String, Object>> toolDefinitions;
    private final McpJsonMapper json;
    private final Map<String, Object> serverInfo;
    private final String instructions;
    private final long listTtlMillis;
    private final ToolCallChecks checks;

    /** @param tools in the order tools/list shows them, which therefore never changes between calls */
    public ModernProtocol(List<SyncToolSpecification> tools, McpSchema.Implementation server, String instructions,
                          long listTtlMillis, McpJsonMapper json, ToolCallChecks checks) {
        tools.forEach(tool -> this.tools.put(tool.tool().name(), tool));
        this.json = json;
        this.toolDefinitions = tools.stream().map(tool -> json.convertValue(tool.tool(), OBJECT)).toList();
        this.serverInfo = json.convertValue(server, OBJECT);
        this.instructions = instructions;
        this.listTtlMillis = listTtlMillis;
        this.checks = checks;
    }

    /** Why this request is refused before any work, as the error answer the revision prescribes; empty when it may run. */
    public Optional<JSONRPCResponse> refusal(JSONRPCRequest request, UnaryOperator<String> header) {
        Object requested = RequestMeta.protocolVersion(request).orElseGet(() -> header.apply(ModernHeaderRules.PROTOCOL_VERSION));
        if (requested != null && !(requested instanceof String version && ProtocolRevisions.isSupported(version.trim()))) {
            return Optional.of(unsupportedVersion(request.id(), requested));
        }
        Optional<String> mismatch = ModernHeaderRules.mismatch(request, header);
        if (mismatch.isPresent()) {
            return Optional.of(JsonRpcErrors.error(request.id(), JsonRpcErrors.HEADER_MISMATCH, mismatch.get(), null));
        }
        Optional<String> metaProblem = metaProblem(request);
        if (metaProblem.isPresent()) {
            return Optional.of(JsonRpcErrors.error(request.id(), JsonRpcErrors.INVALID_PARAMS, metaProblem.get(), null));
        }
        return switch (request.method()) {
            case METHOD_DISCOVER, McpSchema.METHOD_TOOLS_LIST -> Optional.empty();
            case McpSchema.METHOD_TOOLS_CALL -> callProblem(request)
                    .map(problem -> JsonRpcErrors.error(request.id(), JsonRpcErrors.INVALID_PARAMS, problem, null));
            default -> Optional.of(JsonRpcErrors.error(request.id(), JsonRpcErrors.METHOD_NOT_FOUND,
                    "Method not found: " + request.method() + " (this server offers server/discover, tools/list, tools/call)", null));
        };
    }

    /** The result of a request {@link #refusal} let through. */
    public JSONRPCResponse answer(McpTransportContext context, JSONRPCRequest request) {
        Map<String, Object> result = switch (request.method()) {
            case METHOD_DISCOVER -> discover();
            case McpSchema.METHOD_TOOLS_LIST -> listTools();
            case McpSchema.METHOD_TOOLS_CALL -> callTool(context, request);
            default -> throw new IllegalStateException("not a method of this server: " + request.method());
        };
        return new JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null);
    }

    private Map<String, Object> discover() {
        Map<String, Object> result = complete();
        result.put("supportedVersions", ProtocolRevisions.SUPPORTED);
        result.put("capabilities", Map.of("tools", Map.of("listChanged", false)));
        result.put("instructions", instructions);
        cacheable(result);
        return result;
    }

    private Map<String, Object> listTools() {
        Map<String, Object> result = complete();
        result.put("tools", toolDefinitions);
        cacheable(result);
        return result;
    }

    private Map<String, Object> callTool(McpTransportContext context, JSONRPCRequest request) {
        CallToolRequest call = json.convertValue(request.params(), CallToolRequest.class);
        McpSchema.CallToolResult outcome = checks.call(tools.get(call.name()), context, call);
        Map<String, Object> result = json.convertValue(outcome, OBJECT);
        Map<String, Object> meta = identity();
        if (result.get("_meta") instanceof Map<?, ?> toolMeta) {
            toolMeta.forEach((key, value) -> meta.putIfAbsent(String.valueOf(key), value));
        }
        result.put("resultType", COMPLETE);
        result.put("_meta", meta);
        return result;
    }

    /** Every 2026 result says it is complete and who answered. */
    private Map<String, Object> complete() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultType", COMPLETE);
        result.put("_meta", identity());
        return result;
    }

    private Map<String, Object> identity() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(RequestMeta.SERVER_INFO, serverInfo);
        return meta;
    }

    private void cacheable(Map<String, Object> result) {
        result.put("ttlMs", listTtlMillis);
        result.put("cacheScope", PUBLIC);
    }

    private static JSONRPCResponse unsupportedVersion(Object id, Object requested) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("supported", ProtocolRevisions.SUPPORTED);
        // echoed as text, and short: it is whatever the client sent
        String named = String.valueOf(requested);
        data.put("requested", named.length() > MAX_ECHOED_VERSION ? named.substring(0, MAX_ECHOED_VERSION) + "…" : named);
        return JsonRpcErrors.error(id, JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version "
                + "(MCP-Protocol-Version / _meta " + RequestMeta.PROTOCOL_VERSION + "); supported: "
                + String.join(", ", ProtocolRevisions.SUPPORTED), data);
    }

    /** The fields the revision requires in every request's {@code _meta}. */
    private static Optional<String> metaProblem(JSONRPCRequest request) {
        Optional<Map<?, ?>> meta = RequestMeta.of(request);
        if (meta.isEmpty()) {
            return Optional.of("Invalid params: params._meta is required in protocol version " + ProtocolRevisions.MODERN
                    + " (with " + RequestMeta.PROTOCOL_VERSION + " and " + RequestMeta.CLIENT_CAPABILITIES + ")");
        }
        if (!(meta.get().get(RequestMeta.PROTOCOL_VERSION) instanceof String)) {
            return Optional.of("Invalid params: _meta." + RequestMeta.PROTOCOL_VERSION + " is required (a version string)");
        }
        if (!(meta.get().get(RequestMeta.CLIENT_CAPABILITIES) instanceof Map<?, ?>)) {
            return Optional.of("Invalid params: _meta." + RequestMeta.CLIENT_CAPABILITIES + " is required (an object)");
        }
        Object clientInfo = meta.get().get(RequestMeta.CLIENT_INFO);
        if (clientInfo != null && !(clientInfo instanceof Map<?, ?>)) {
            return Optional.of("Invalid params: _meta." + RequestMeta.CLIENT_INFO + " must be an object with name and version");
        }
        return Optional.empty();
    }

    /** Protocol errors of tools/call: an unknown tool or params of the wrong shape. Bad arguments are the tool's business. */
    private Optional<String> callProblem(JSONRPCRequest request) {
        if (!(request.params() instanceof Map<?, ?> params) || !(params.get("name") instanceof String name)) {
            return Optional.of("Invalid params: tools/call needs params.name, the tool to call");
        }
        if (!tools.containsKey(name)) {
            return Optional.of("Unknown tool: " + (name.length() > 80 ? name.substring(0, 80) + "…" : name)
                    + " (this server has: " + String.join(", ", tools.keySet()) + ")");
        }
        Object arguments = params.get("arguments");
        if (arguments != null && !(arguments instanceof Map<?, ?>)) {
            return Optional.of("Invalid params: params.arguments must be an object");
        }
        return Optional.empty();
    }
}
