package com.trackdesk.mcp.protocol.control;

import com.trackdesk.mcp.protocol.entity.ProtocolEra;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2026-07-28 rules, decided from one request and its headers alone (no server needed). */
class ModernProtocolTest {

    static final String MODERN = "2026-07-28";
    final McpJsonMapper json = McpJsonDefaults.getMapper();
    final ModernProtocol protocol = new ModernProtocol(List.of(tool("search"), tool("execute")),
            new McpSchema.Implementation("trackdesk-mcp", "Trackdesk MCP server", "1"), "use search first", 60_000, json,
            new ToolCallChecks(McpJsonDefaults.getSchemaValidator()));

    static SyncToolSpecification tool(String name) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).inputSchema(Map.of("type", "object",
                "properties", Map.of("limit", Map.of("type", "integer", "maximum", 50)))).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((context, call) -> CallToolResult.builder().addTextContent(name + " ran").build()).build();
    }

    static JSONRPCRequest request(String method, Map<String, Object> params, String version) {
        Map<String, Object> withMeta = new HashMap<>(params);
        if (version != null) {
            withMeta.put("_meta", Map.of(RequestMeta.PROTOCOL_VERSION, version, RequestMeta.CLIENT_CAPABILITIES, Map.of()));
        }
        return new JSONRPCRequest("2.0", method, 1, withMeta);
    }

    static UnaryOperator<String> headers(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i].toLowerCase(), namesAndValues[i + 1]);
        }
        return name -> values.get(name.toLowerCase());
    }

    static int code(Optional<JSONRPCResponse> refusal) {
        assertThat(refusal).isPresent();
        return refusal.get().error().code();
    }

    @Test
    void aCompleteRequestMayRun() {
        assertThat(protocol.refusal(request("tools/list", Map.of(), MODERN),
                headers("Mcp-Method", "tools/list", "MCP-Protocol-Version", MODERN))).isEmpty();
    }

    @Test
    void headersMustMirrorTheBody() {
        JSONRPCRequest call = request("tools/call", Map.of("name", "search"), MODERN);
        assertThat(code(protocol.refusal(call, headers("MCP-Protocol-Version", MODERN)))).isEqualTo(-32020);
        assertThat(code(protocol.refusal(call, headers("Mcp-Method", "tools/list", "MCP-Protocol-Version", MODERN)))).isEqualTo(-32020);
        assertThat(code(protocol.refusal(call, headers("Mcp-Method", "tools/call", "MCP-Protocol-Version", MODERN)))).isEqualTo(-32020);
        assertThat(code(protocol.refusal(call, headers("Mcp-Method", "tools/call", "MCP-Protocol-Version", MODERN,
                "Mcp-Name", "execute")))).isEqualTo(-32020);
        assertThat(code(protocol.refusal(call, headers("Mcp-Method", "tools/call", "Mcp-Name", "search")))).isEqualTo(-32020);
        assertThat(protocol.refusal(call, headers("Mcp-Method", "tools/call", "MCP-Protocol-Version", MODERN,
                "Mcp-Name", "=?base64?c2VhcmNo?="))).isEmpty();
        assertThat(code(protocol.refusal(call, headers("Mcp-Method", "tools/call", "MCP-Protocol-Version", MODERN,
                "Mcp-Name", "=?base64?not base64!?=")))).isEqualTo(-32020);
    }

    @Test
    void anUnknownVersionIsRefusedNamingTheSupportedOnes() {
        Optional<JSONRPCResponse> refusal = protocol.refusal(request("tools/list", Map.of(), "1900-01-01"),
                headers("Mcp-Method", "tools/list", "MCP-Protocol-Version", "1900-01-01"));
        assertThat(code(refusal)).isEqualTo(-32022);
        assertThat(refusal.get().error().data()).isEqualTo(Map.of(
                "supported", List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"), "requested", "1900-01-01"));
        assertThat(JsonRpcErrors.modernHttpStatus(-32022)).isEqualTo(400);

        Optional<JSONRPCResponse> longVersion = protocol.refusal(request("tools/list", Map.of(), "x".repeat(5000)),
                headers("Mcp-Method", "tools/list", "MCP-Protocol-Version", "x".repeat(5000)));
        assertThat(((Map<?, ?>) longVersion.get().error().data()).get("requested").toString()).hasSizeLessThan(70);
    }

    @Test
    void requiredMetaFieldsAreInvalidParamsWhenMissing() {
        JSONRPCRequest withoutMeta = request("server/discover", Map.of(), null);
        assertThat(code(protocol.refusal(withoutMeta, headers("Mcp-Method", "server/discover", "MCP-Protocol-Version", MODERN))))
                .isEqualTo(-32602);
        JSONRPCRequest withoutCapabilities = new JSONRPCRequest("2.0", "tools/list", 2,
                Map.of("_meta", Map.of(RequestMeta.PROTOCOL_VERSION, MODERN)));
        assertThat(code(protocol.refusal(withoutCapabilities, headers("Mcp-Method", "tools/list", "MCP-Protocol-Version", MODERN))))
                .isEqualTo(-32602);
    }

    @Test
    void unknownMethodsAreNotFoundWith404AndUnknownToolsAreInvalidParams() {
        assertThat(code(protocol.refusal(request("ping", Map.of(), MODERN),
                headers("Mcp-Method", "ping", "MCP-Protocol-Version", MODERN)))).isEqualTo(-32601);
        assertThat(JsonRpcErrors.modernHttpStatus(-32601)).isEqualTo(404);
        assertThat(code(protocol.refusal(request("tools/call", Map.of("name", "nope"), MODERN),
                headers("Mcp-Method", "tools/call", "MCP-Protocol-Version", MODERN, "Mcp-Name", "nope")))).isEqualTo(-32602);
    }

    @Test
    void resultsAreCompleteCarryTheServerAndListsAreCacheable() {
        Map<?, ?> discovered = (Map<?, ?>) protocol.answer(null, request("server/discover", Map.of(), MODERN)).result();
        assertThat(discovered.get("resultType")).isEqualTo("complete");
        assertThat(discovered.get("supportedVersions")).isEqualTo(List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"));
        assertThat(discovered.get("ttlMs")).isEqualTo(60_000L);
        assertThat(discovered.get("cacheScope")).isEqualTo("public");
        assertThat(((Map<?, ?>) ((Map<?, ?>) discovered.get("_meta")).get(RequestMeta.SERVER_INFO)).get("name"))
                .isEqualTo("trackdesk-mcp");

        Map<?, ?> listed = (Map<?, ?>) protocol.answer(null, request("tools/list", Map.of(), MODERN)).result();
        assertThat(((List<?>) listed.get("tools")).stream().map(tool -> String.valueOf(((Map<?, ?>) tool).get("name"))))
                .containsExactly("search", "execute");

        Map<?, ?> called = (Map<?, ?>) protocol.answer(null, request("tools/call", Map.of("name", "execute"), MODERN)).result();
        assertThat(called.get("resultType")).isEqualTo("complete");
        assertThat(called.get("content").toString()).contains("execute ran");
    }

    @Test
    void argumentsThatBreakTheInputSchemaAreAToolErrorNotAProtocolError() {
        JSONRPCResponse answer = protocol.answer(null, request("tools/call",
                Map.of("name", "search", "arguments", Map.of("limit", 500)), MODERN));
        assertThat(answer.error()).isNull();
        Map<?, ?> result = (Map<?, ?>) answer.result();
        assertThat(result.get("isError")).isEqualTo(true);
        assertThat(result.get("content").toString()).contains("limit").doesNotContain("search ran");
    }

    @Test
    void theEraFollowsHowTheClientSpeaks() {
        assertThat(ProtocolEraSelector.of(request("initialize", Map.of(), null), MODERN)).isEqualTo(ProtocolEra.LEGACY);
        assertThat(ProtocolEraSelector.of(request("server/discover", Map.of(), null), null)).isEqualTo(ProtocolEra.MODERN);
        assertThat(ProtocolEraSelector.of(request("tools/list", Map.of(), MODERN), MODERN)).isEqualTo(ProtocolEra.MODERN);
        assertThat(ProtocolEraSelector.of(request("tools/list", Map.of(), null), MODERN)).isEqualTo(ProtocolEra.MODERN);
        assertThat(ProtocolEraSelector.of(request("tools/list", Map.of(), null), "2025-06-18")).isEqualTo(ProtocolEra.LEGACY);
        assertThat(ProtocolEraSelector.of(request("tools/list", Map.of(), null), null)).isEqualTo(ProtocolEra.LEGACY);
        assertThat(ProtocolEraSelector.of(request("tools/list", Map.of(), null), "1999-01-01")).isEqualTo(ProtocolEra.MODERN);
        assertThat(ProtocolEraSelector.of(request("tools/list", Map.of(), "2025-11-25"), MODERN)).isEqualTo(ProtocolEra.MODERN);
        assertThat(ProtocolEraSelector.legacyRevision(request("tools/list", Map.of(), null), null)).isEqualTo("2025-03-26");
        assertThat(ProtocolEraSelector.legacyRevision(request("tools/list", Map.of(), null), "2025-11-25")).isEqualTo("2025-11-25");
    }
}
