package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.testsupport.files.WrittenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console at /admin on the shared Payara Micro, next to the MCP endpoint that records every
 * call (rejected ones included): the login wall of its API, the summary a script reads with HTTP Basic, the
 * console in a real headless Chromium (every view, drill-down, recent calls, 1366 and 400 px, axe-core), and
 * the promise that the caller's API key is stored nowhere.
 */
class AdminConsoleIT {

    static final String OK_OPERATION = "TagsService_ListTags";
    static final String FAILING_OPERATION = "TiersService_ListTiers";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static SharedServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void upstreamAnswersOneOperationAndFailsAnother() throws Exception {
        server = SharedServer.get();
        awaitConsoleDeployed();
        WireMockServer upstream = server.upstream();
        upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tags/v1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[{\"id\":\"t1\",\"name\":\"vip\"}],\"total\":1}")));
        upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tiers/v1")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"internal\",\"message\":\"boom\"}")));
    }

    // --- the API's login wall --------------------------------------------------------------------

    @Test
    void withoutLoginTheApiAnswers401InJsonAndGivesNoData() throws Exception {
        for (String path : List.of("admin/api/metrics/summary", "admin/api/metrics/export?format=csv", "admin/api/config")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(admin(path)).GET(), Optional.empty());

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("authentication required");
            assertThat(response.body()).doesNotContain("calls").doesNotContain("period_start");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("no browser dialog for a page whose session ended")
                    .get().asString().doesNotStartWith("Basic");
        }
    }

    @Test
    void wrongBasicCredentialsAre401Too() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("admin/api/metrics/summary")).GET(),
                Optional.of(server.adminUser() + ":wrong-" + server.adminPassword()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("byTool");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("a script that tried Basic is told to retry it")
                .get().asString().startsWith("Basic");
    }

    @Test
    void pagesRedirectToTheLoginForm() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("admin/")).GET(), Optional.empty());

        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/admin/login.html");
    }

    @Test
    void stateChangingRequestsNeedTheCsrfTokenEvenWithValidCredentials() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("admin/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()), Optional.of(server.adminUser() + ":" + server.adminPassword()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
    }

    // --- scripts ------------------------------------------------------------------------------------

    @Test
    void aScriptReadsTheSummaryOfTheCallsWithHttpBasic() throws Exception {
        JsonNode before = summary();
        awaitUpstreamCallsSucceed();
        McpClient mcp = server.client("it-admin-script-key");
        mcp.call("search", Map.of("query", "list tags"));
        mcp.call("search", Map.of("query", "list tiers"));
        mcp.call("execute", Map.of("operationId", OK_OPERATION));

        JsonNode after = awaitCalls(before.get("calls").asLong() + 4);

        assertThat(count(after.get("byTool"), "search") - count(before.get("byTool"), "search")).isGreaterThanOrEqualTo(2);
        assertThat(count(after.get("byTool"), "execute") - count(before.get("byTool"), "execute")).isGreaterThanOrEqualTo(1);
        assertThat(count(after.get("byOperation"), OK_OPERATION)).isGreaterThanOrEqualTo(2);
        assertThat(count(after.get("byOutcome"), "OK")).isPositive();
        JsonNode latency = after.get("latency");
        assertThat(latency.get("p50Micros").asLong()).isPositive();
        assertThat(latency.get("p95Micros").asLong()).isGreaterThanOrEqualTo(latency.get("p50Micros").asLong());
        assertThat(latency.get("p99Micros").asLong()).isGreaterThanOrEqualTo(latency.get("p95Micros").asLong());
    }

    // --- the console in a browser -------------------------------------------------------------------

    @Test
    void theConsoleShowsTheCallsInChartsAndTablesOnDesktopAndPhone() throws Exception {
        Path chromium = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("headless Chromium: apt-get install -y chromium").exists();
        Path dir = consoleTestDir();
        ensureNodePackages(dir);
        Path screenshots = Path.of(System.getProperty("it.target", "target")).resolve("screenshots");
        Path output = Path.of(System.getProperty("it.target", "target")).resolve("admin-console-browser.log");
        awaitUpstreamCallsSucceed();

        ProcessBuilder browserTest = new ProcessBuilder("node", "admin-console.mjs").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        browserTest.environment().putAll(Map.of(
                "BASE_URL", server.baseUri().toString(),
                "ADMIN_USER", server.adminUser(),
                "ADMIN_PASSWORD", server.adminPassword(),
                "MCP_API_KEY", "it-admin-browser-key",
                "SCREENSHOT_DIR", screenshots.toAbsolutePath().toString(),
                "OK_OPERATION", OK_OPERATION,
                "FAILING_OPERATION", FAILING_OPERATION,
                "CHROMIUM", chromium.toString()));
        Process process = browserTest.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);

        assertThat(finished).as("browser test finished in time:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("browser test:%n%s", log).isZero();
        assertThat(log).contains("ok - the overview counts the 5 MCP calls")
                .contains("ok - rejected calls are counted with their reason")
                .contains("ok - clicking an outcome narrows every page to it")
                .contains("ok - the recent-calls log lists each call")
                .contains("ok - searches without results are counted")
                .contains("ok - search quality: searches followed by an execute")
                .contains("ok - no serious accessibility violations")
                .contains("ok - the overview fits a phone-width screen")
                .contains("ok - at 400 px the tabs and tables scroll sideways")
                .contains("ok - logging out ends the session")
                .contains("ok - the login form explains a lockout")
                .contains("0 failed");
        for (String picture : List.of("admin-overview-1366.png", "admin-calls-1366.png", "admin-searches-1366.png",
                "admin-overview-400.png", "admin-calls-400.png")) {
            Path file = screenshots.resolve(picture);
            assertThat(file).exists();
            byte[] png = Files.readAllBytes(file);
            assertThat(png.length).isGreaterThan(10_000);
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }

    // --- privacy ------------------------------------------------------------------------------------

    @Test
    void theApiKeyIsNeitherInTheMetricsDatabaseNorInTheServerLog() throws Exception {
        String token = "it-secret-token-" + UUID.randomUUID();
        String query = "find-" + UUID.randomUUID();
        // an operation name is recorded as tried; this one exists in no earlier run's files (it-data is kept)
        String marker = "LeakScanMarker_" + UUID.randomUUID().toString().replace("-", "");
        JsonNode before = summary();
        awaitUpstreamCallsSucceed();
        McpClient mcp = server.client(token);
        mcp.call("search", Map.of("query", query));
        mcp.call("execute", Map.of("operationId", OK_OPERATION));
        mcp.call("execute", Map.of("operationId", FAILING_OPERATION));
        mcp.call("execute", Map.of("operationId", marker));
        awaitCalls(before.get("calls").asLong() + 4);
        // calls are written in the order they were made: once the last one is in the files, all of them are
        WrittenFiles.awaitContaining(server.dataDir(), marker, Duration.ofSeconds(120));

        assertThat(WrittenFiles.containing(server.dataDir(), token)).as("metrics database files holding the token").isEmpty();
        assertThat(Files.readString(server.logFile(), StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertThat(WrittenFiles.containing(server.dataDir(), query)).as("search text is not stored by default").isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    URI admin(String path) {
        return server.baseUri().resolve(path);
    }

    HttpResponse<String> send(HttpRequest.Builder request, Optional<String> basic) throws IOException, InterruptedException {
        basic.ifPresent(credentials -> request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode summary() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("admin/api/metrics/summary")).GET(),
                Optional.of(server.adminUser() + ":" + server.adminPassword()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Calls are written every second: waits until the summary counts at least {@code calls}. */
    JsonNode awaitCalls(long calls) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode summary = summary();
        while (summary.get("calls").asLong() < calls && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            summary = summary();
        }
        assertThat(summary.get("calls").asLong()).as("calls counted").isGreaterThanOrEqualTo(calls);
        return summary;
    }

    /** The server is "up" once /mcp answers; admin-ui.war may still be deploying then. */
    static void awaitConsoleDeployed() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest loginInfo = HttpRequest.newBuilder(server.baseUri().resolve("admin/api/login-info")).GET().build();
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            HttpResponse<String> response = client.send(loginInfo, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("passwordConfigured")) {
                return;
            }
            assertThat(Instant.now()).as("admin-ui.war deployed at /admin").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** Another test may have left the tenant's circuit breaker open for a moment. */
    static void awaitUpstreamCallsSucceed() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            JsonNode result = server.client("it-admin-probe-key").call("execute", Map.of("operationId", OK_OPERATION));
            if (!result.get("isError").asBoolean()) {
                return;
            }
            assertThat(Instant.now()).as("upstream calls succeed again: %s", result).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    static long count(JsonNode counts, String name) {
        for (JsonNode count : counts) {
            if (count.get("name").asText().equals(name)) {
                return count.get("calls").asLong();
            }
        }
        return 0;
    }

    static Path consoleTestDir() {
        return Optional.ofNullable(System.getProperty("admin.console.dir")).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("e2e.dir", "src/test/e2e")).resolveSibling("admin-console"));
    }

    /** The build installs playwright-core (npm ci); a test run without that step installs it here. */
    static void ensureNodePackages(Path dir) throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()).inheritIO().start();
        assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as("npm ci in %s", dir).isTrue();
    }
}
