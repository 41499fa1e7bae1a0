package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path on a real Payara Micro: an MCP client talks to /mcp, finds operations with
 * {@code search} and calls them with {@code execute} against a WireMock upstream that plays the
 * Trackdesk API. The upstream URL template is {@code http://127.0.0.1:<port>/t/{tenant}}, so the
 * tenant each call went to is visible in the path WireMock saw.
 *
 * <p>Runs on the phase's {@link SharedServer}, like every integration test, including the official
 * MCP TypeScript SDK client and the MCP conformance suite.
 */
class McpEndpointIT {

    static final String KEY = "it-key-7f3a9c-visible-only-upstream";
    static final String REVOKED_KEY = "it-key-revoked-5521";

    final SharedServer server = SharedServer.get();
    final WireMockServer upstream = server.upstream();

    @BeforeEach
    void freshUpstream() {
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":5,\"message\":\"not found\",\"details\":[]}")));
        upstream.stubFor(any(anyUrl()).atPriority(1).withHeader("X-Api-Key", equalTo(REVOKED_KEY))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":16,\"message\":\"API key is not valid\",\"details\":[]}")));
    }

    McpClient client() {
        return server.client(KEY);
    }

    // --- protocol -------------------------------------------------------------------------

    @Test
    void initializeNegotiatesTheProtocolAndTeachesTheWorkflow() {
        JsonNode result = client().initialize().get("result");
        assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(result.get("serverInfo").get("name").asText()).isEqualTo("trackdesk-mcp");
        assertThat(result.get("capabilities").has("tools")).isTrue();
        assertThat(result.get("instructions").asText()).contains("search").contains("execute");
    }

    @Test
    void asAStandaloneWarNoAuthenticationMechanismRunsOnEveryRequest() throws Exception {
        // AnonymousAccessInEarsOnly: Soteria's bridge costs two JNDI lookups under server-wide locks per request
        assertThat(Files.readString(server.logFile(), StandardCharsets.UTF_8))
                .contains("standalone WAR 'mcp-web': no pass-through authentication mechanism");
    }

    @Test
    void notificationsAreAcceptedWithoutBody() {
        HttpResponse<String> response = client().post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void pingAnswersEmptyResult() {
        JsonNode answer = client().request("ping", null);
        assertThat(answer.get("result").isObject()).isTrue();
    }

    @Test
    void listsExactlyTheTwoToolsWithSchemas() {
        JsonNode tools = client().request("tools/list", Map.of()).get("result").get("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("search", "execute");
        tools.forEach(tool -> {
            assertThat(tool.get("inputSchema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("outputSchema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("description").asText()).isNotBlank();
        });
    }

    @Test
    void malformedJsonIsAParseError() {
        HttpResponse<String> response = client().post("{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32700").doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void unknownMethodIsAJsonRpcError() {
        JsonNode answer = client().request("no/such/method", Map.of());
        assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32601);
    }

    @Test
    void unsupportedProtocolVersionHeaderIsRefused() {
        HttpResponse<String> response = client().header("MCP-Protocol-Version", "1999-01-01")
                .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MCP-Protocol-Version");
    }

    @Test
    void foreignBrowserOriginIsRefused() {
        HttpResponse<String> response = client().header("Origin", "https://evil.example")
                .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void getOffersNoStreamOnAStatelessServer() {
        HttpResponse<String> response = client().send("GET", HttpRequest.BodyPublishers.noBody());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void deleteHasNoSessionToEnd() {
        HttpResponse<String> response = client().send("DELETE", HttpRequest.BodyPublishers.noBody());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void clientThatCannotTakeJsonIsTold() {
        HttpResponse<String> response = client().header("Accept", "text/html")
                .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).contains("application/json");
    }

    @Test
    void responsesFromTheClientAreAccepted() {
        HttpResponse<String> response = client().post("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void batchesAndNonJsonRpcAreInvalidRequests() {
        assertThat(client().post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]").body()).contains("-32600");
        assertThat(client().post("{\"hello\":\"world\"}").body()).contains("-32600");
    }

    @Test
    void unknownToolIsAnError() {
        JsonNode answer = client().request("tools/call", Map.of("name", "delete_everything", "arguments", Map.of()));
        assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void invalidToolArgumentsComeBackAsAToolErrorTheAssistantCanFix() {
        JsonNode result = client().call("search", Map.of("query", "affiliates", "limit", 500));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(result)).contains("limit");
    }

    @Test
    void oversizeRequestIsRefusedWith413() {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
                + "\"arguments\":{\"query\":\"" + "a".repeat(1_100_000) + "\"}}}";
        assertThat(client().post(huge).statusCode()).isEqualTo(413);
    }

    @Test
    void cancellationNotificationIsAccepted() {
        HttpResponse<String> response = client().post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"requestId\":3,\"reason\":\"user stopped\"}}");
        assertThat(response.statusCode()).isEqualTo(202);
    }

    // --- search ---------------------------------------------------------------------------

    @Test
    void searchFindsListAffiliatesFromPlainWords() {
        JsonNode result = client().call("search", Map.of("query", "list affiliates", "limit", 5));
        JsonNode first = result.get("structuredContent").get("results").get(0);
        assertThat(first.get("operationId").asText()).isEqualTo("AffiliateService_ListAffiliates");
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("path").asText()).isEqualTo("/api/node/affiliates/v1");
        assertThat(McpClient.text(result)).contains("AffiliateService_ListAffiliates");
    }

    @Test
    void withoutCredentialsEvenSearchGets401SoThatOAuthClientsCanDiscoverTheSignIn() {
        HttpResponse<String> answer = client().header("X-Api-Key", null).post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
                        + "\"arguments\":{\"query\":\"conversions\"}}}");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer resource_metadata=");
    }

    /**
     * The WAR carries ONNX Runtime and the tokenizer with linux-x64 natives only (natives-linux-x64): the model
     * must still load on Payara. It loads in the background, so the first searches may rank by words alone.
     */
    @Test
    void searchAlsoRanksByMeaningOnceTheModelHasLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String reasons;
        do {
            JsonNode result = client().call("search", Map.of("query", "partners who joined recently", "limit", 5));
            reasons = result.get("structuredContent").get("results").findValues("why").toString();
            if (reasons.contains("similar meaning")) {
                break;
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() < deadline);
        assertThat(reasons).as("why the five hits matched").contains("similar meaning");
    }

    @Test
    void searchByExactOperationIdReturnsTheFullRequestSchema() {
        JsonNode result = client().call("search", Map.of("query", "AffiliateService_SetAffiliateStatus"));
        JsonNode operation = result.get("structuredContent").get("operation");
        assertThat(operation.get("path").asText()).isEqualTo("/api/node/affiliates/v1/{sourcePublicId.value}/status");
        assertThat(operation.get("requestBody").get("schema").toString()).doesNotContain("$ref");
        assertThat(operation.get("exampleCall").get("operationId").asText()).isEqualTo("AffiliateService_SetAffiliateStatus");
    }

    // --- execute --------------------------------------------------------------------------

    @Test
    void executeForwardsTheApiKeyVerbatimToTheTenantsUpstream() {
        upstream.stubFor(post(urlPathEqualTo("/t/acme/api/node/affiliates/v1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"affiliates\":[{\"id\":\"a1\",\"name\":\"Ada\"}],\"total\":1}")));

        JsonNode result = client().header("Authorization", "Bearer mcp-connection-secret")
                .header("Cookie", "session=mcp-connection-cookie")
                .call("execute", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));

        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.get("structuredContent").get("status").asInt()).isEqualTo(200);
        assertThat(result.get("structuredContent").get("body").get("affiliates").get(0).get("name").asText()).isEqualTo("Ada");
        LoggedRequest sent = single(upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())));
        assertThat(sent.getHeader("X-Api-Key")).isEqualTo(KEY);
        assertThat(sent.containsHeader("Authorization")).as("MCP connection's Authorization is not forwarded").isFalse();
        assertThat(sent.containsHeader("Cookie")).as("MCP connection's Cookie is not forwarded").isFalse();
        assertThat(sent.containsHeader("X-Mcp-Upstream-Target")).isFalse();
        assertThat(McpClient.text(result)).doesNotContain(KEY);
    }

    @Test
    void tenantComesFromTheHostSubdomain() {
        upstream.stubFor(get(urlPathEqualTo("/t/globex/api/node/tags/v1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));

        JsonNode result = client().header("Host", "globex.trackdesk.com")
                .call("execute", Map.of("operationId", "TagsService_ListTags"));

        assertThat(result.get("isError").asBoolean()).as(McpClient.text(result)).isFalse();
        upstream.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/t/globex/api/node/tags/v1")));
    }

    @Test
    void executeWithoutApiKeyExplainsTheHeaderAndSendsNothing() {
        HttpResponse<String> answer = client().header("X-Api-Key", null).post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"execute\","
                        + "\"arguments\":{\"operationId\":\"AffiliateService_ListAffiliates\",\"body\":{}}}}");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("X-Api-Key").contains("Personal access tokens");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void revokedKeyTellsTheUserToCheckOrRenewTheToken() {
        JsonNode result = client().header("X-Api-Key", REVOKED_KEY)
                .call("execute", Map.of("operationId", "TagsService_ListTags"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(result)).contains("401").contains("X-Api-Key").contains("revoked")
                .contains("Personal access tokens").doesNotContain(REVOKED_KEY);
    }

    @Test
    void dottedPathAndQueryNamesReachTheUpstream() {
        upstream.stubFor(put(urlPathEqualTo("/t/acme/api/node/affiliates/v1/aff%2F42/status"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));

        JsonNode result = client().call("execute", Map.of(
                "operationId", "AffiliateService_SetAffiliateStatus",
                "pathParams", Map.of("sourcePublicId.value", "aff/42"),
                "body", Map.of("status", "ACCOUNT_STATUS_ENABLED")));

        assertThat(result.get("isError").asBoolean()).as(McpClient.text(result)).isFalse();
        upstream.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo("/t/acme/api/node/affiliates/v1/aff%2F42/status")));
    }

    @Test
    void unknownOperationSuggestsCloseOnesAndSendsNothing() {
        JsonNode result = client().call("execute", Map.of("operationId", "AffiliateService_ListAffiliate"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(result)).contains("AffiliateService_ListAffiliates");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void upstreamThatDoesNotAnswerInTimeGivesAClearError() {
        upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tiers/v1"))
                .willReturn(aResponse().withFixedDelay(4_000).withBody("{}")));

        JsonNode result = client().call("execute", Map.of("operationId", "TiersService_ListTiers"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(result)).contains("did not answer in time").doesNotContain("Exception");
    }

    @Test
    void longCallsReportProgressToClientsThatAskForIt() {
        upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tags/v1")).willReturn(aResponse().withFixedDelay(1_000)
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));

        HttpResponse<String> response = client().post("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"execute\",\"arguments\":{\"operationId\":\"TagsService_ListTags\"},"
                + "\"_meta\":{\"progressToken\":\"tok-1\"}}}");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        String[] events = response.body().split("\n\n");
        assertThat(events[0]).contains("notifications/progress").contains("tok-1");
        assertThat(events[events.length - 1]).contains("\"id\":42").contains("\"status\":200");
    }

    // --- a real MCP client ------------------------------------------------------------------

    @Test
    void officialTypeScriptSdkClientSearchesAndExecutes() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/t/acme/api/node/affiliates/v1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"affiliates\":[{\"id\":\"a1\",\"name\":\"Ada\"}],\"total\":1}")));
        String output = NodeScript.run(Path.of(System.getProperty("e2e.dir")),
                List.of("node", "e2e.mjs", server.mcpUri().toString(), KEY));
        assertThat(output).contains("tools: execute,search").contains("first hit: AffiliateService_ListAffiliates");
        LoggedRequest sent = single(upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())));
        assertThat(sent.getUrl()).isEqualTo("/t/acme/api/node/affiliates/v1");
        assertThat(sent.getHeader("X-Api-Key")).isEqualTo(KEY);
    }

    @Test
    void inspectorCliListsAndCallsTools() throws Exception {
        Path e2e = Path.of(System.getProperty("e2e.dir"));
        List<String> inspector = List.of("node_modules/.bin/node", "node_modules/.bin/mcp-inspector", "--cli",
                server.mcpUri().toString(), "--transport", "http", "--header", "X-Api-Key: " + KEY);
        String listed = NodeScript.run(e2e, concat(inspector, "--method", "tools/list"));
        assertThat(listed).contains("\"search\"").contains("\"execute\"");
        String called = NodeScript.run(e2e, concat(inspector, "--method", "tools/call", "--tool-name", "search",
                "--tool-arg", "query=list affiliates"));
        assertThat(called).contains("AffiliateService_ListAffiliates");
    }

    @Test
    void mcpRemoteBridgeAsUsedByClaudeDesktopWorks() throws Exception {
        upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tags/v1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));
        String output = NodeScript.run(Path.of(System.getProperty("e2e.dir")),
                List.of("node_modules/.bin/node", "remote-bridge.mjs", server.mcpUri().toString(), KEY));
        assertThat(output).contains("tools: execute,search").contains("first hit: AffiliateService_ListAffiliates")
                .contains("execute status: 200 isError: false");
        assertThat(single(upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())))
                .getHeader("X-Api-Key")).isEqualTo(KEY);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /**
     * The official MCP conformance suite, for every server scenario a two-tool server can take part in
     * (the others need tools, resources or prompts named by the suite; see README). The suite sends no
     * credentials and /mcp answers 401 without them, so a pass-through proxy adds the X-Api-Key header.
     */
    @ParameterizedTest
    @ValueSource(strings = {"server-initialize", "ping", "tools-list", "dns-rebinding-protection"})
    void conformanceScenarioPasses(String scenario) throws Exception {
        Path e2e = Path.of(System.getProperty("e2e.dir"));
        try (CredentialAddingProxy proxy = new CredentialAddingProxy(server.baseUri(), KEY)) {
            String output = NodeScript.run(e2e, List.of("node_modules/.bin/node", "node_modules/.bin/conformance", "server",
                    "--url", proxy.mcpUri().toString(), "--scenario", scenario));
            assertThat(output).contains("0 failed").doesNotContain("✗");
        }
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
