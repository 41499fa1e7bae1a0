package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MCP 2026-07-28 on the same /mcp as the 2025 revisions, over raw HTTP so every status code, header and error
 * code of the revision's Streamable HTTP rules is visible; then the official TypeScript clients (v2 in each
 * negotiation mode, and v1) doing a whole search → execute against the WireMock upstream.
 */
class ModernProtocolIT {

    static final String KEY = "it-key-modern-4b1d";
    static final String MODERN = "2026-07-28";
    static final List<String> SUPPORTED = List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final SharedServer server = SharedServer.get();
    final WireMockServer upstream = server.upstream();

    @BeforeEach
    void upstreamListsOneAffiliate() {
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        upstream.stubFor(post(urlPathEqualTo("/t/acme/api/node/affiliates/v1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"affiliates\":[{\"id\":\"a1\",\"name\":\"Ada\"}],\"total\":1}")));
    }

    /** A client that sends what 2026-07-28 requires on every POST: the version header and Mcp-Method. */
    McpClient modern(String method) {
        return server.client(KEY).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", method);
    }

    static String request(Object id, String method, Map<String, Object> params, String version) {
        ObjectNode message = JSON.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.set("id", JSON.valueToTree(id));
        message.put("method", method);
        ObjectNode body = JSON.valueToTree(params);
        if (version != null) {
            ObjectNode meta = body.putObject("_meta");
            meta.put("io.modelcontextprotocol/protocolVersion", version);
            meta.putObject("io.modelcontextprotocol/clientCapabilities");
            meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "it").put("version", "1");
        }
        message.set("params", body);
        return message.toString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    // --- server/discover --------------------------------------------------------------------------

    @Test
    void serverDiscoverAnswersWithoutInitializeOrSession() {
        HttpResponse<String> response = modern("server/discover").post(request("d-1", "server/discover", Map.of(), MODERN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
        JsonNode answer = json(response);
        assertThat(answer.get("id").asText()).isEqualTo("d-1");
        JsonNode result = answer.get("result");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(JSON.convertValue(result.get("supportedVersions"), List.class)).isEqualTo(SUPPORTED);
        assertThat(result.get("capabilities").has("tools")).isTrue();
        assertThat(result.get("_meta").get("io.modelcontextprotocol/serverInfo").get("name").asText()).isEqualTo("trackdesk-mcp");
        assertThat(result.get("instructions").asText()).contains("search").contains("execute");
        assertThat(result.get("ttlMs").asLong()).isPositive();
        assertThat(result.get("cacheScope").asText()).isEqualTo("public");
    }

    @Test
    void serverDiscoverWithoutMetaIsInvalidParams() {
        HttpResponse<String> response = modern("server/discover").post(request(7, "server/discover", Map.of(), null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("id").asInt()).isEqualTo(7);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32602);
    }

    // --- header rules ------------------------------------------------------------------------------

    @Test
    void missingMcpMethodHeaderIsAHeaderMismatch() {
        HttpResponse<String> response = modern("tools/list").header("Mcp-Method", null)
                .post(request(3, "tools/list", Map.of(), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = json(response);
        assertThat(answer.get("id").asInt()).isEqualTo(3);
        assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32020);
        assertThat(answer.get("error").get("message").asText()).contains("Mcp-Method");
    }

    @Test
    void mcpMethodHeaderThatDisagreesWithTheBodyIsAHeaderMismatch() {
        HttpResponse<String> response = modern("tools/list").post(request(4, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "affiliates")), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32020);
        assertThat(json(response).get("error").get("message").asText()).contains("Mcp-Method").contains("tools/call");
    }

    @Test
    void mcpMethodHeaderValuesAreCaseSensitive() {
        HttpResponse<String> response = modern("TOOLS/LIST").post(request(5, "tools/list", Map.of(), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32020);
    }

    @Test
    void toolCallWithoutMcpNameIsAHeaderMismatch() {
        HttpResponse<String> response = modern("tools/call").post(request(6, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "affiliates")), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32020);
        assertThat(json(response).get("error").get("message").asText()).contains("Mcp-Name");
    }

    @Test
    void toolCallWhoseMcpNameNamesAnotherToolIsAHeaderMismatch() {
        HttpResponse<String> response = modern("tools/call").header("Mcp-Name", "search").post(request(8, "tools/call",
                Map.of("name", "execute", "arguments", Map.of("operationId", "AffiliateService_ListAffiliates")), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32020);
        assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).as("nothing was sent upstream").isEmpty();
    }

    @Test
    void base64EncodedMcpNameIsDecodedBeforeComparing() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("search".getBytes(StandardCharsets.UTF_8)) + "?=";
        HttpResponse<String> response = modern("tools/call").header("Mcp-Name", encoded).post(request(9, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "list affiliates")), MODERN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("result").get("resultType").asText()).isEqualTo("complete");
    }

    @Test
    void protocolVersionHeaderThatDisagreesWithMetaIsAHeaderMismatch() {
        HttpResponse<String> response = modern("tools/list").header("MCP-Protocol-Version", "2025-11-25")
                .post(request(10, "tools/list", Map.of(), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32020);
        assertThat(json(response).get("error").get("message").asText()).contains("MCP-Protocol-Version");
    }

    // --- versions and _meta ------------------------------------------------------------------------

    @Test
    void unknownVersionInMetaIsUnsupportedProtocolVersionNamingOurs() {
        HttpResponse<String> response = modern("tools/list").header("MCP-Protocol-Version", "1900-01-01")
                .post(request(11, "tools/list", Map.of(), "1900-01-01"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = json(response);
        assertThat(answer.get("id").asInt()).isEqualTo(11);
        JsonNode error = answer.get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32022);
        assertThat(JSON.convertValue(error.get("data").get("supported"), List.class)).isEqualTo(SUPPORTED);
        assertThat(error.get("data").get("requested").asText()).isEqualTo("1900-01-01");
    }

    @Test
    void unknownVersionHeaderWithoutMetaIsUnsupportedProtocolVersionToo() {
        HttpResponse<String> response = server.client(KEY).header("MCP-Protocol-Version", "1999-01-01")
                .post("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"ping\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32022);
        assertThat(json(response).get("error").get("data").get("requested").asText()).isEqualTo("1999-01-01");
    }

    @Test
    void requestWithoutClientCapabilitiesIsInvalidParams() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}";
        HttpResponse<String> response = modern("tools/list").post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(json(response).get("error").get("message").asText()).contains("clientCapabilities");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping", "resources/list", "initialize/not"})
    void methodsTheRevisionOrThisServerLacksAreNotFound(String method) {
        HttpResponse<String> response = modern(method).post(request(14, method, Map.of(), MODERN));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32601);
    }

    // --- tools ---------------------------------------------------------------------------------------

    @Test
    void toolsListIsDeterministicCacheableAndDescribesBothTools() {
        JsonNode first = json(modern("tools/list").post(request(20, "tools/list", Map.of(), MODERN))).get("result");
        JsonNode again = json(modern("tools/list").post(request(21, "tools/list", Map.of(), MODERN))).get("result");

        assertThat(first.get("resultType").asText()).isEqualTo("complete");
        assertThat(first.get("ttlMs").asLong()).isPositive();
        assertThat(first.get("cacheScope").asText()).isEqualTo("public");
        List<String> names = new ArrayList<>();
        first.get("tools").forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).containsExactly("search", "execute");
        assertThat(again.get("tools")).isEqualTo(first.get("tools"));
        first.get("tools").forEach(tool -> {
            assertThat(tool.get("title").asText()).isNotBlank();
            assertThat(tool.get("inputSchema").get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(tool.get("outputSchema").get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(tool.get("icons").get(0).get("src").asText()).startsWith("data:image/svg+xml;base64,");
            assertThat(tool.get("annotations").has("readOnlyHint")).isTrue();
        });
    }

    @Test
    void toolCallResultsAreCompleteAndStructured() {
        HttpResponse<String> response = modern("tools/call").header("Mcp-Name", "search").post(request(22, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "list affiliates")), MODERN));

        JsonNode result = json(response).get("result");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(result.get("_meta").get("io.modelcontextprotocol/serverInfo").get("name").asText()).isEqualTo("trackdesk-mcp");
        assertThat(result.get("structuredContent").get("results").get(0).get("operationId").asText())
                .isEqualTo("AffiliateService_ListAffiliates");
    }

    @Test
    void invalidToolArgumentsAreAToolErrorTheModelCanCorrect() {
        HttpResponse<String> response = modern("tools/call").header("Mcp-Name", "search").post(request(23, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "")), MODERN));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response).get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
    }

    @Test
    void unknownToolIsAProtocolError() {
        HttpResponse<String> response = modern("tools/call").header("Mcp-Name", "nope").post(request(24, "tools/call",
                Map.of("name", "nope", "arguments", Map.of()), MODERN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(json(response).get("error").get("message").asText()).contains("Unknown tool");
    }

    @Test
    void aSlowToolCallStreamsProgressThenTheCompleteResult() throws InterruptedException {
        warmUpstreamPath();
        upstream.stubFor(post(urlPathEqualTo("/t/acme/api/node/affiliates/v1")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(700).withHeader("Content-Type", "application/json")
                        .withBody("{\"affiliates\":[],\"total\":0}")));
        Map<String, Object> params = new HashMap<>(Map.of("name", "execute",
                "arguments", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of())));
        ObjectNode body = (ObjectNode) JSON.readTree(request(25, "tools/call", params, MODERN));
        ((ObjectNode) body.get("params").get("_meta")).put("progressToken", "p-25");

        HttpResponse<String> response = modern("tools/call").header("Mcp-Name", "execute").post(body.toString());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        String[] events = response.body().split("\n\n");
        assertThat(events[0]).contains("notifications/progress").contains("p-25");
        assertThat(events[events.length - 1]).contains("\"id\":25").contains("\"resultType\":\"complete\"");
    }

    // --- the legacy era on the same endpoint ---------------------------------------------------------

    @Test
    void legacyClientsStillInitializeAndGetLegacyResults() {
        McpClient legacy = server.client(KEY);
        assertThat(legacy.initialize().get("result").get("protocolVersion").asText()).isEqualTo("2025-06-18");
        JsonNode tools = legacy.header("MCP-Protocol-Version", "2025-06-18").request("tools/list", Map.of()).get("result");
        assertThat(tools.has("resultType")).isFalse();
        assertThat(tools.get("tools")).hasSize(2);
    }

    // --- metrics -------------------------------------------------------------------------------------

    @Test
    void theConsoleCountsCallsPerProtocolRevision() throws Exception {
        long modernBefore = revisionCalls("2026-07-28");
        long legacyBefore = revisionCalls("2025-11-25");
        modern("tools/call").header("Mcp-Name", "search").post(request(30, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "list tags")), MODERN));
        server.client(KEY).header("MCP-Protocol-Version", "2025-11-25").call("search", Map.of("query", "list tiers"));

        // calls are written asynchronously: poll with a generous bound
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((revisionCalls("2026-07-28") <= modernBefore || revisionCalls("2025-11-25") <= legacyBefore)
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(revisionCalls("2026-07-28")).isGreaterThan(modernBefore);
        assertThat(revisionCalls("2025-11-25")).isGreaterThan(legacyBefore);
    }

    long revisionCalls(String revision) throws Exception {
        String since = Instant.now().minus(Duration.ofHours(1)).toString();
        HttpRequest request = HttpRequest.newBuilder(
                        server.baseUri().resolve("admin/api/metrics/protocol-revisions?since=" + since))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (server.adminUser() + ":" + server.adminPassword()).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode count : JSON.readTree(response.body())) {
            if (revision.equals(count.get("name").asText())) {
                return count.get("calls").asLong();
            }
        }
        return 0;
    }

    // --- real clients ---------------------------------------------------------------------------------

    /**
     * The shared server's upstream timeout is short (for the fault-tolerance tests), and the first call to a
     * tenant pays for building its REST client: on a busy machine that first call may time out. Warm the path
     * up (polling, generous bound), then forget those requests, so the client tests below see only their own.
     */
    void warmUpstreamPath() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        McpClient warmUp = server.client(KEY);
        while (true) {
            JsonNode result = warmUp.call("execute", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));
            if (!result.path("isError").asBoolean(false) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        upstream.resetRequests();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-28", "auto", "legacy"})
    void officialTypeScriptClientV2SearchesAndExecutesInEachNegotiationMode(String mode) throws Exception {
        warmUpstreamPath();
        String output = NodeScript.run(Path.of(System.getProperty("e2e.dir")),
                List.of("node_modules/.bin/node", "e2e-v2.mjs", server.mcpUri().toString(), KEY, mode));

        assertThat(output).contains("era: " + ("legacy".equals(mode) ? "legacy" : "modern"))
                .contains("tools: search,execute")
                .contains("first hit: AffiliateService_ListAffiliates")
                .contains("status: 200").contains("\"name\":\"Ada\"");
        assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).hasSize(1)
                .allSatisfy(sent -> assertThat(sent.getHeader("X-Api-Key")).isEqualTo(KEY));
    }

    @Test
    void officialTypeScriptClientV1SearchesAndExecutes() throws Exception {
        warmUpstreamPath();
        String output = NodeScript.run(Path.of(System.getProperty("e2e.dir")),
                List.of("node_modules/.bin/node", "e2e.mjs", server.mcpUri().toString(), KEY));

        assertThat(output).contains("tools: execute,search").contains("first hit: AffiliateService_ListAffiliates")
                .contains("status: 200").contains("\"name\":\"Ada\"");
    }
}
