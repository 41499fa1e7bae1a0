package com.trackdesk.mcp.authorization;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.trackdesk.mcp.it.McpClient;
import com.trackdesk.mcp.it.SharedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth 2.1 sign-in on the shared Payara with a WireMock upstream: discovery, registration, the sign-in page,
 * codes with PKCE, tokens bound to tenant and resource, refresh with rotation and revocation, read-only
 * connections, and the refusals. The personal access token pasted at sign-in must reach the upstream as
 * X-Api-Key, and nothing else of the OAuth exchange may.
 */
class OAuthIT {

    static final String PAT = "it-pat-oauth-4d61c2-visible-only-upstream";
    static final String WRONG_PAT = "it-pat-wrong-0000";

    final SharedServer server = SharedServer.get();
    final WireMockServer upstream = server.upstream();
    final OAuthClient oauth = new OAuthClient(server.baseUri(), null);
    final String origin = "http://" + server.baseUri().getAuthority();

    static WireMockServer documents;

    @BeforeAll
    static void startDocumentServer() {
        documents = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        documents.start();
    }

    @AfterAll
    static void stopDocumentServer() {
        documents.stop();
    }

    @BeforeEach
    void upstreamKnowsOnlyThePat() {
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":16,\"message\":\"bad key\",\"details\":[]}")));
        upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tags/v1")).atPriority(5).withHeader("X-Api-Key", equalTo(PAT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));
        upstream.stubFor(post(urlPathEqualTo("/t/acme/api/node/affiliates/v1")).atPriority(5).withHeader("X-Api-Key", equalTo(PAT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"affiliates\":[{\"id\":\"a1\",\"name\":\"Ada\"}],\"total\":1}")));
    }

    // --- both ways in ---------------------------------------------------------------------

    @Test
    void withoutCredentialsMcpAnswers401PointingAtTheResourceMetadataAndExplainsBothWays() {
        HttpResponse<String> answer = new McpClient(server.mcpUri()).post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer resource_metadata=\"" + origin + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(answer.body()).contains("OAuth").contains("X-Api-Key").contains("Personal access tokens");
    }

    @Test
    void theApiKeyHeaderStillWorksExactlyAsBefore() {
        JsonNode result = new McpClient(server.mcpUri()).header("X-Api-Key", PAT)
                .call("execute", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));
        assertThat(result.get("isError").asBoolean()).as(McpClient.text(result)).isFalse();
    }

    // --- discovery ------------------------------------------------------------------------

    @Test
    void protectedResourceMetadataNamesThisTenantsMcpUrlAndIssuer() {
        for (String path : List.of(".well-known/oauth-protected-resource", ".well-known/oauth-protected-resource/mcp")) {
            JsonNode metadata = OAuthClient.json(oauth.get(path));
            assertThat(metadata.get("resource").asString()).isEqualTo(origin + "/mcp");
            assertThat(metadata.get("authorization_servers").get(0).asString()).isEqualTo(origin);
        }
        JsonNode readOnly = OAuthClient.json(oauth.get(".well-known/oauth-protected-resource/mcp/readonly"));
        assertThat(readOnly.get("resource").asString()).isEqualTo(origin + "/mcp/readonly");
    }

    @Test
    void authorizationServerMetadataOffersS256PublicClientsRegistrationAndMetadataDocuments() {
        for (String path : List.of(".well-known/oauth-authorization-server", ".well-known/oauth-authorization-server/mcp")) {
            HttpResponse<String> answer = oauth.get(path);
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode metadata = OAuthClient.json(answer);
            assertThat(metadata.get("issuer").asString()).isEqualTo(origin);
            assertThat(metadata.get("authorization_endpoint").asString()).isEqualTo(origin + "/oauth/authorize");
            assertThat(metadata.get("token_endpoint").asString()).isEqualTo(origin + "/oauth/token");
            assertThat(metadata.get("registration_endpoint").asString()).isEqualTo(origin + "/oauth/register");
            assertThat(metadata.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
            assertThat(metadata.get("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"none\"]");
            assertThat(metadata.get("grant_types_supported").toString()).contains("authorization_code", "refresh_token");
            assertThat(metadata.get("client_id_metadata_document_supported").asBoolean()).isTrue();
        }
    }

    @Test
    void discoveryIsPerTenantHost() {
        JsonNode metadata = OAuthClient.json(new OAuthClient(server.baseUri(), "globex.trackdesk.com")
                .get(".well-known/oauth-protected-resource/mcp"));
        assertThat(metadata.get("resource").asString()).isEqualTo("http://globex.trackdesk.com/mcp");
        JsonNode proxied = OAuthClient.json(new McpLessGet(server.baseUri()).get(
                ".well-known/oauth-protected-resource/mcp", "globex.trackdesk.com", "https"));
        assertThat(proxied.get("resource").asString()).as("behind a TLS proxy").isEqualTo("https://globex.trackdesk.com/mcp");
    }

    // --- the whole grant ------------------------------------------------------------------

    @Test
    void signInIssuesTokensWhoseCallsReachTheUpstreamWithOnlyThePastedToken() {
        String clientId = oauth.register("IT Assistant");
        OAuthClient.Page page = oauth.signInPage(oauth.authorizationRequest(clientId, origin + "/mcp"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("IT Assistant").contains("acme").contains("Personal access tokens")
                .contains("type=\"password\"");
        assertThat(page.cookie()).startsWith("trackdesk_oauth_csrf=");

        Map<String, String> params = oauth.authorizationRequest(clientId, origin + "/mcp");
        OAuthClient.Page second = oauth.signInPage(params);
        HttpResponse<String> redirect = oauth.submit(second, PAT, "full", second.cookie());
        assertThat(redirect.statusCode()).isEqualTo(303);
        Map<String, String> back = OAuthClient.query(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(back.get("state")).isEqualTo(params.get("state"));
        assertThat(back.get("iss")).isEqualTo(origin);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith(OAuthClient.REDIRECT_URI + "?")
                .doesNotContain(PAT);

        HttpResponse<String> tokens = oauth.exchange(clientId, back.get("code"), oauth.verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode grant = OAuthClient.json(tokens);
        assertThat(grant.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(grant.get("expires_in").asLong()).isBetween(1L, 3600L);
        assertThat(tokens.body()).doesNotContain(PAT);
        assertThat(tokens.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        upstream.resetRequests();
        String accessToken = grant.get("access_token").asString();
        JsonNode result = new McpClient(server.mcpUri()).header("Authorization", "Bearer " + accessToken)
                .call("execute", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));
        assertThat(result.get("isError").asBoolean()).as(McpClient.text(result)).isFalse();
        LoggedRequest sent = upstream.findAll(anyRequestedFor(urlPathEqualTo("/t/acme/api/node/affiliates/v1"))).get(0);
        assertThat(sent.getHeader("X-Api-Key")).isEqualTo(PAT);
        assertThat(sent.containsHeader("Authorization")).as("the Bearer token never goes upstream").isFalse();

        assertThat(oauth.exchange(clientId, back.get("code"), oauth.verifier).body())
                .as("a code is used once").contains("invalid_grant");

        HttpResponse<String> refreshed = oauth.refresh(clientId, grant.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode rotated = OAuthClient.json(refreshed);
        assertThat(rotated.get("refresh_token").asString()).isNotEqualTo(grant.get("refresh_token").asString());
        assertThat(oauth.refresh(clientId, grant.get("refresh_token").asString()).body())
                .as("a refresh token is used once").contains("invalid_grant");

        // the user revokes the personal access token in Trackdesk: the next refresh ends the grant
        upstream.stubFor(any(anyUrl()).atPriority(1).withHeader("X-Api-Key", equalTo(PAT))
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":16,\"message\":\"revoked\",\"details\":[]}")));
        HttpResponse<String> afterRevocation = oauth.refresh(clientId, rotated.get("refresh_token").asString());
        assertThat(afterRevocation.statusCode()).isEqualTo(400);
        assertThat(afterRevocation.body()).contains("invalid_grant").contains("revoked").doesNotContain(PAT);
    }

    @Test
    void aWrongPersonalAccessTokenGetsTheToolsExplanationAndNoCode() {
        String clientId = oauth.register("IT Assistant");
        OAuthClient.Page page = oauth.signInPage(oauth.authorizationRequest(clientId, null));
        HttpResponse<String> answer = oauth.submit(page, WRONG_PAT, "full", page.cookie());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("did not accept this personal access token").contains("revoked")
                .contains("Personal access tokens").doesNotContain(WRONG_PAT);
    }

    @Test
    void failedSignInsAreThrottled() {
        OAuthClient other = new OAuthClient(server.baseUri(), "throttled.trackdesk.com");
        String clientId = other.register("IT Assistant");
        int status = 0;
        for (int attempt = 0; attempt < 7 && status != 429; attempt++) {
            OAuthClient.Page page = other.signInPage(other.authorizationRequest(clientId, null));
            status = other.submit(page, WRONG_PAT + attempt, "full", page.cookie()).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    // --- refusals -------------------------------------------------------------------------

    @Test
    void aWrongOrMissingPkceVerifierGetsNoTokens() {
        String clientId = oauth.register("IT Assistant");
        String code = oauth.signIn(clientId, PAT, "full", null).get("code");
        HttpResponse<String> wrong = oauth.exchange(clientId, code, new OAuthClient(server.baseUri(), null).verifier);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant").contains("code_verifier");
        HttpResponse<String> missing = oauth.token(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", clientId, "redirect_uri", OAuthClient.REDIRECT_URI));
        assertThat(missing.body()).contains("invalid_request").contains("code_verifier");
    }

    @Test
    void anAuthorizationRequestWithoutS256IsSentBackAsAnError() {
        String clientId = oauth.register("IT Assistant");
        Map<String, String> params = new java.util.LinkedHashMap<>(oauth.authorizationRequest(clientId, null));
        params.put("code_challenge_method", "plain");
        HttpResponse<String> answer = oauth.authorize(params);
        assertThat(answer.statusCode()).isEqualTo(303);
        Map<String, String> back = OAuthClient.query(answer.headers().firstValue("Location").orElseThrow());
        assertThat(back.get("error")).isEqualTo("invalid_request");
        assertThat(back.get("state")).isEqualTo(params.get("state"));
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() {
        String clientId = oauth.register("IT Assistant");
        Map<String, String> params = new java.util.LinkedHashMap<>(oauth.authorizationRequest(clientId, null));
        params.put("redirect_uri", "https://attacker.example/steal");
        HttpResponse<String> answer = oauth.authorize(params);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("redirect URI is not one this app registered");

        String code = oauth.signIn(clientId, PAT, "full", null).get("code");
        HttpResponse<String> tokens = oauth.token(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", clientId, "redirect_uri", "http://127.0.0.1:39999/other", "code_verifier", oauth.verifier));
        assertThat(tokens.body()).contains("invalid_grant").contains("redirect_uri");
    }

    @Test
    void theSignInFormWithoutItsCsrfCookieIsRefused() {
        String clientId = oauth.register("IT Assistant");
        OAuthClient.Page page = oauth.signInPage(oauth.authorizationRequest(clientId, null));
        HttpResponse<String> forged = oauth.submit(page, PAT, "full", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        HttpResponse<String> wrongCookie = oauth.submit(page, PAT, "full", "trackdesk_oauth_csrf=guessed");
        assertThat(wrongCookie.statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedAndForeignTenantTokensGet401InvalidToken() {
        String clientId = oauth.register("IT Assistant");
        String code = oauth.signIn(clientId, PAT, "full", null).get("code");
        String token = OAuthClient.json(oauth.exchange(clientId, code, oauth.verifier)).get("access_token").asString();
        int middle = token.length() / 2;
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        for (McpClient client : List.of(
                new McpClient(server.mcpUri()).header("Authorization", "Bearer " + tampered),
                new McpClient(server.mcpUri()).header("Authorization", "Bearer " + token).header("Host", "globex.trackdesk.com"),
                new McpClient(server.mcpUri()).header("Authorization", "Bearer " + token).header("Host", "acme.trackdesk.com"),
                new McpClient(server.mcpUri()).header("Authorization", "Bearer not-a-token"))) {
            HttpResponse<String> answer = client.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"")
                    .contains("resource_metadata=");
        }
        assertThat(upstream.findAll(anyRequestedFor(urlPathEqualTo("/t/globex/api/node/affiliates/v1")))).isEmpty();
    }

    // --- read-only ------------------------------------------------------------------------

    @Test
    void theReadOnlyUrlAnnouncesAndEnforcesReadOnlyBeforeAnyUpstreamCall() {
        McpClient readOnly = new McpClient(server.baseUri().resolve("mcp/readonly")).header("X-Api-Key", PAT);
        JsonNode execute = executeTool(readOnly.request("tools/list", Map.of()));
        assertThat(execute.get("annotations").get("readOnlyHint").asBoolean()).isTrue();
        assertThat(execute.get("description").asString()).contains("read-only");
        assertThat(executeTool(new McpClient(server.mcpUri()).header("X-Api-Key", PAT).request("tools/list", Map.of()))
                .get("annotations").get("readOnlyHint").asBoolean()).as("/mcp stays writable").isFalse();

        upstream.resetRequests();
        JsonNode refused = readOnly.call("execute", Map.of("operationId", "AffiliateService_SetAffiliateStatus",
                "pathParams", Map.of("sourcePublicId.value", "a1"), "body", Map.of("status", "AFFILIATE_STATUS_APPROVED")));
        assertThat(refused.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(refused)).contains("read-only");
        assertThat(upstream.getAllServeEvents()).isEmpty();
        JsonNode read = readOnly.call("execute", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));
        assertThat(read.get("isError").asBoolean()).as(McpClient.text(read)).isFalse();
    }

    @Test
    void aReadOnlySignInMakesTheConnectionReadOnly() {
        String clientId = oauth.register("IT Assistant");
        String code = oauth.signIn(clientId, PAT, "read", null).get("code");
        JsonNode grant = OAuthClient.json(oauth.exchange(clientId, code, oauth.verifier));
        assertThat(grant.get("scope").asString()).isEqualTo("trackdesk:read");
        McpClient client = new McpClient(server.mcpUri()).header("Authorization", "Bearer " + grant.get("access_token").asString());
        assertThat(executeTool(client.request("tools/list", Map.of())).get("annotations").get("readOnlyHint").asBoolean()).isTrue();
        JsonNode refused = client.call("execute", Map.of("operationId", "AffiliateService_SetAffiliateStatus",
                "pathParams", Map.of("sourcePublicId.value", "a1"), "body", Map.of("status", "AFFILIATE_STATUS_APPROVED")));
        assertThat(McpClient.text(refused)).contains("read-only");
    }

    @Test
    void aTokenForTheReadOnlyUrlDoesNotOpenTheFullOne() {
        String clientId = oauth.register("IT Assistant");
        String code = oauth.signIn(clientId, PAT, "full", origin + "/mcp/readonly").get("code");
        String token = OAuthClient.json(oauth.exchange(clientId, code, oauth.verifier)).get("access_token").asString();
        assertThat(new McpClient(server.baseUri().resolve("mcp/readonly")).header("Authorization", "Bearer " + token)
                .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").statusCode()).isEqualTo(200);
        assertThat(new McpClient(server.mcpUri()).header("Authorization", "Bearer " + token)
                .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").statusCode()).isEqualTo(401);
    }

    // --- Client ID Metadata Documents -----------------------------------------------------

    @Test
    void aClientIdMetadataDocumentNamesTheClientOnTheSignInPage() {
        String clientId = "https://localhost:" + documents.httpsPort() + "/oauth/client.json";
        documents.stubFor(get(urlPathEqualTo("/oauth/client.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"client_id\":\"" + clientId + "\",\"client_name\":\"Document <b>Client</b>\","
                        + "\"redirect_uris\":[\"" + OAuthClient.REDIRECT_URI + "\"]}")));
        OAuthClient.Page page = oauth.signInPage(oauth.authorizationRequest(clientId, null));
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        assertThat(page.html()).contains("Document &lt;b&gt;Client&lt;/b&gt;").doesNotContain("<b>Client</b>");
        String code = OAuthClient.query(oauth.submit(page, PAT, "full", page.cookie()).headers()
                .firstValue("Location").orElseThrow()).get("code");
        assertThat(oauth.exchange(clientId, code, oauth.verifier).statusCode()).isEqualTo(200);
    }

    // --- real clients ---------------------------------------------------------------------

    /** The official TypeScript SDK client with its OAuth provider, from discovery to the end of the grant. */
    @Test
    void theTypeScriptSdkClientConnectsWithOAuthOnly() throws Exception {
        upstream.resetRequests();
        String log = runNode(Path.of(System.getProperty("e2e.dir")), Map.of(), "node_modules/.bin/node", "oauth-e2e.mjs",
                server.mcpUri().toString(), PAT, "http://127.0.0.1:" + upstream.port() + "/");
        assertThat(log).contains("ok - discovery and dynamic registration, then a redirect to the sign-in page")
                .contains("ok - sign-in form accepted the personal access token; code exchanged for tokens")
                .contains("ok - execute reached the upstream through the OAuth connection")
                .contains("ok - refresh rotated the tokens")
                .contains("ok - a revoked personal access token ended the grant at the next refresh");
        List<LoggedRequest> calls = upstream.findAll(anyRequestedFor(urlPathEqualTo("/t/acme/api/node/affiliates/v1")));
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.getHeader("X-Api-Key")).isEqualTo(PAT);
            assertThat(call.containsHeader("Authorization")).isFalse();
        });
    }

    /** The sign-in page in the machine's headless Chromium, driven by playwright-core. */
    @Test
    void aPersonSignsInWithHeadlessChromium() throws Exception {
        Path chromium = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("headless Chromium: apt-get install -y chromium").exists();
        String clientId = oauth.register("Browser Assistant");
        Map<String, String> request = oauth.authorizationRequest(clientId, null);
        Path screenshots = Path.of(System.getProperty("it.target", "target")).resolve("screenshots");
        String log = runNode(Path.of(System.getProperty("admin.console.dir")), Map.of(
                        "AUTHORIZE_URL", server.baseUri().resolve("oauth/authorize?" + OAuthClient.form(request)).toString(),
                        "REDIRECT_URI", OAuthClient.REDIRECT_URI, "API_KEY", PAT, "WRONG_API_KEY", WRONG_PAT,
                        "SCREENSHOT_DIR", screenshots.toAbsolutePath().toString(), "CHROMIUM", chromium.toString()),
                "node", "oauth-sign-in.mjs");
        assertThat(log).contains("ok - the sign-in page names the client").contains("ok - a wrong token shows the explanation")
                .contains("ok - the right token sends the browser back");
        String code = log.lines().filter(line -> line.startsWith("code=")).findFirst().orElseThrow().substring(5);
        assertThat(oauth.exchange(clientId, code, oauth.verifier).statusCode()).isEqualTo(200);
        assertThat(screenshots.resolve("oauth-sign-in.png")).exists();
    }

    private static String runNode(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path log = Files.createTempFile("oauth-node", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished in time:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    // --- nothing stored, nothing leaked ---------------------------------------------------

    @Test
    void thePastedTokenAppearsInNoLogLine() throws Exception {
        String clientId = oauth.register("IT Assistant");
        oauth.exchange(clientId, oauth.signIn(clientId, PAT, "full", null).get("code"), oauth.verifier);
        assertThat(Files.readString(server.logFile())).doesNotContain(PAT);
    }

    /** The console's "how callers connect": OAuth calls, header calls, sign-ins and failed sign-ins are counted. */
    @Test
    void theConsoleCountsCallsByAuthKindAndSignIns() throws Exception {
        String clientId = oauth.register("IT Assistant");
        OAuthClient.Page wrong = oauth.signInPage(oauth.authorizationRequest(clientId, null));
        assertThat(oauth.submit(wrong, WRONG_PAT + "-console", "full", wrong.cookie()).statusCode()).isEqualTo(401);
        String code = oauth.signIn(clientId, PAT, "full", null).get("code");
        String token = OAuthClient.json(oauth.exchange(clientId, code, oauth.verifier)).get("access_token").asString();
        new McpClient(server.mcpUri()).header("Authorization", "Bearer " + token).call("search", Map.of("query", "tags"));
        new McpClient(server.mcpUri()).header("X-Api-Key", PAT).call("search", Map.of("query", "tags"));

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (server.adminUser() + ":" + server.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        URI access = server.baseUri().resolve("admin/api/metrics/access?since="
                + java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        JsonNode counts = null;
        // metrics are written asynchronously (every second): poll with a generous bound
        for (java.time.Instant deadline = java.time.Instant.now().plusSeconds(60); java.time.Instant.now().isBefore(deadline); ) {
            HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(access).header("Authorization", basic)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            counts = OAuthClient.JSON.readTree(answer.body());
            if (counts.get("oauthCalls").asLong() >= 1 && counts.get("headerCalls").asLong() >= 1
                    && counts.get("signIns").asLong() >= 1 && counts.get("failedSignIns").asLong() >= 1) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(counts.get("oauthCalls").asLong()).as(counts.toString()).isPositive();
        assertThat(counts.get("headerCalls").asLong()).as(counts.toString()).isPositive();
        assertThat(counts.get("signIns").asLong()).as(counts.toString()).isPositive();
        assertThat(counts.get("failedSignIns").asLong()).as(counts.toString()).isPositive();
    }

    private static JsonNode executeTool(JsonNode toolsList) {
        for (JsonNode tool : toolsList.get("result").get("tools")) {
            if (tool.get("name").asString().equals("execute")) {
                return tool;
            }
        }
        throw new AssertionError("no execute tool: " + toolsList);
    }

    /** A GET with a chosen Host and X-Forwarded-Proto, as a TLS-terminating proxy sends it. */
    record McpLessGet(URI base) {
        HttpResponse<String> get(String path, String host, String proto) {
            try {
                return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(base.resolve(path))
                                .header("Host", host).header("X-Forwarded-Proto", proto).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
