package com.trackdesk.mcp.deploy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.it.McpClient;
import com.trackdesk.mcp.testsupport.database.ThrowawayPostgresql;
import com.trackdesk.mcp.testsupport.http.Http;
import com.trackdesk.mcp.testsupport.net.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster of docker-compose.yml without Docker: two Payara Micro processes of the built application
 * (mcp-web.war + admin-ui.war) clustered through the Hazelcast data grid (TCP/IP member list on loopback,
 * own cluster name), behind Caddy with the very deploy/caddy/Caddyfile (TLS, round robin, health checks),
 * sharing one throwaway PostgreSQL as the metrics database, with a WireMock upstream that also serves the
 * OpenAPI spec. Booted once for the whole class; the tests run in order and the last one stops an instance.
 * Without caddy or PostgreSQL the class is skipped, saying why; under {@code CI=true} it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String KEY = "cluster-it-key-5e0b";
    static final String TENANT = "demo";
    static final String NEW_OPERATION = "ClusterProbeService_ListClusterProbes";
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(300);
    static final Duration FRONT_TIMEOUT = Duration.ofSeconds(60);
    static final long SHUTDOWN_GRACE_MILLIS = 8000;
    static final String ADMIN_PASSWORD = "cluster-it-" + UUID.randomUUID();
    static final int SLOW_UPSTREAM_MILLIS = 4000;
    static final String SERVED_BY = "trackdesk-instance";
    static final Map<String, String> MCP_HEADERS = Map.of("Content-Type", "application/json",
            "Accept", "application/json, text/event-stream", "X-Api-Key", KEY, "MCP-Protocol-Version", "2025-06-18");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final ThrowawayPostgresql database = new ThrowawayPostgresql();

    static WireMockServer upstream;
    static MicroInstance a;
    static MicroInstance b;
    static CaddyFront front;
    static String bundledSpec;
    static final Map<String, String> measured = Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    @BeforeAll
    static void startCluster() throws IOException {
        Path work = Path.of(System.getProperty("it.target", "target")).resolve("cluster-it");
        deleteRecursively(work);
        Files.createDirectories(work);
        try {
            upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            upstream.start();
            bundledSpec = bundledSpec();
            upstream.stubFor(get(urlPathEqualTo("/spec/openapi.json")).willReturn(okJson(bundledSpec)));
            upstream.stubFor(get(urlPathMatching("/t/[a-z]+/api/node/tags/v1"))
                    .willReturn(okJson("{\"tags\":[{\"id\":\"t-1\",\"name\":\"cluster\"}]}")));
            upstream.stubFor(get(urlPathMatching("/t/[a-z]+/api/node/tags/v1/slow-.*"))
                    .willReturn(okJson("{\"tag\":{\"id\":\"slow\",\"name\":\"took its time\"}}")
                            .withFixedDelay(SLOW_UPSTREAM_MILLIS)));

            String cluster = "trackdesk-it-" + UUID.randomUUID().toString().substring(0, 8);
            int httpA = FreePorts.any();
            int httpB = FreePorts.any();
            int gridA = FreePorts.any();
            int gridB = FreePorts.any();
            String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
            a = instance("a", httpA, gridA, cluster, members, work);
            b = instance("b", httpB, gridB, cluster, members, work);
            // first, so that a machine without caddy does not boot two servers for nothing
            front = CaddyFront.start(work, List.of(a, b));
            Instant t0 = Instant.now();
            a.start();
            b.start();
            a.awaitReady(BOOT_TIMEOUT);
            b.awaitReady(BOOT_TIMEOUT);
            // /health/ready is mcp-web's; admin-ui.war is deployed after it: wait for Payara Micro's own "ready"
            a.awaitLog("Payara Micro ", " ready in ", BOOT_TIMEOUT);
            b.awaitLog("Payara Micro ", " ready in ", BOOT_TIMEOUT);
            measured.put("boot of both instances (parallel)", Duration.between(t0, Instant.now()).toSeconds() + " s");
        } catch (RuntimeException | IOException e) {
            stopCluster();
            throw e;
        }
    }

    static MicroInstance instance(String name, int http, int grid, String cluster, String members, Path work)
            throws IOException {
        Path dataDir = work.resolve("data-" + name);
        Files.createDirectories(dataDir);
        Map<String, String> env = new HashMap<>();
        env.put("MCP_UPSTREAM_URL", "http://127.0.0.1:" + upstream.port() + "/t/{tenant}");
        env.put("MCP_DEFAULT_TENANT", "acme");
        env.put("MCP_TENANT_DOMAIN", CaddyFront.TENANT_DOMAIN); // as in docker-compose.yml
        env.put("MCP_SPEC", "http://127.0.0.1:" + upstream.port() + "/spec/openapi.json");
        env.put("MCP_SPEC_REFRESH", "PT2S");
        env.put("MCP_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("MCP_DB_URL", database.url());
        env.put("MCP_DB_USER", database.user());
        env.put("MCP_DB_PASSWORD", database.password());
        env.put("MCP_HEALTH_DATABASE", "true");
        env.put("MCP_INSTANCE_NAME", name);
        env.put("MCP_ADMIN_USER", "admin");
        env.put("MCP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new MicroInstance(name, http, grid, work.resolve("payara-" + name + ".log"),
                MicroInstance.command("it-" + name, http, grid, cluster, members, SHUTDOWN_GRACE_MILLIS), env);
    }

    @AfterAll
    static void stopCluster() {
        System.out.println("ClusterIT measured: " + measured);
        if (front != null) {
            front.stop();
        }
        for (MicroInstance instance : new MicroInstance[] {a, b}) {
            if (instance != null) {
                instance.stop(Duration.ofSeconds(30));
            }
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    @Test
    @Order(1)
    void bothInstancesFormOneDataGridCluster() {
        // Payara prints the grid's state when an instance has joined: the one that joined second reports both
        // members, the first may have printed its state before the second existed (symmetric membership)
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline) && !gridOfTwoReported()) {
            Http.sleep(Duration.ofMillis(500));
        }
        assertThat(gridOfTwoReported()).as("Hazelcast membership of two in " + a.log + " or " + b.log).isTrue();
    }

    private boolean gridOfTwoReported() {
        return a.logText().contains("DG Size: 2") || b.logText().contains("DG Size: 2");
    }

    @Test
    @Order(2)
    void healthEndpointsOfEveryInstance() {
        for (MicroInstance instance : List.of(a, b)) {
            HttpResponse<String> ready = Http.get(instance.base().resolve("health/ready"));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            JsonNode checks = checksByName(ready.body());
            assertThat(checks.get("catalog").get("status").asText()).isEqualTo("UP");
            assertThat(checks.get("catalog").get("data").get("source").asText()).endsWith("/spec/openapi.json");
            assertThat(checks.get("metrics-database").get("status").asText()).isEqualTo("UP");
            assertThat(checks.get("metrics-database").get("data").get("checked").asText()).isEqualTo("true");
            assertThat(checks.get("shutdown").get("status").asText()).isEqualTo("UP");

            HttpResponse<String> live = Http.get(instance.base().resolve("health/live"));
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(checksByName(live.body()).has("mcp-server")).isTrue();

            HttpResponse<String> started = Http.get(instance.base().resolve("health/started"));
            assertThat(started.statusCode()).isEqualTo(200);
            assertThat(checksByName(started.body()).has("catalog")).as(started.body()).isTrue();

            HttpResponse<String> all = Http.get(instance.base().resolve("health"));
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(all.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    @Order(3)
    void throughTheProxyWithTlsCallsAlternateBetweenInstancesAndKeepWorking() {
        TlsClient.Response init = front.await(TENANT, FRONT_TIMEOUT, "POST", "/mcp", MCP_HEADERS,
                rpc(1, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "cluster-it", "version", "1"))),
                response -> response.status() == 200);
        assertThat(JSON.readTree(init.body()).get("result").get("serverInfo").get("name").asText())
                .isEqualTo("trackdesk-mcp");
        List<String> servedBy = new ArrayList<>(List.of(servedBy(init)));

        TlsClient.Response initialized = send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(initialized.status()).isEqualTo(202);
        servedBy.add(servedBy(initialized));

        TlsClient.Response tools = send(rpc(2, "tools/list", Map.of()));
        assertThat(tools.body()).contains("\"search\"").contains("\"execute\"");
        servedBy.add(servedBy(tools));

        TlsClient.Response search = send(rpc(3, "tools/call", Map.of("name", "search",
                "arguments", Map.of("query", "list tags"))));
        assertThat(JSON.readTree(search.body()).get("result").get("isError").asBoolean()).as(search.body()).isFalse();
        servedBy.add(servedBy(search));

        TlsClient.Response execute = send(rpc(4, "tools/call", Map.of("name", "execute",
                "arguments", Map.of("operationId", "TagsService_ListTags"))));
        JsonNode result = JSON.readTree(execute.body()).get("result");
        assertThat(result.get("isError").asBoolean()).as(execute.body()).isFalse();
        assertThat(result.get("structuredContent").get("body").get("tags").get(0).get("name").asText())
                .isEqualTo("cluster");
        servedBy.add(servedBy(execute));

        // round robin: one message on one instance, the next on the other, and the session keeps working
        for (int i = 1; i < servedBy.size(); i++) {
            assertThat(servedBy.get(i)).as("instances in turn: " + servedBy).isNotEqualTo(servedBy.get(i - 1));
        }
        assertThat(servedBy).containsOnly("a", "b");
        // the tenant is the one of the host name the client used: the proxy passes the Host on
        upstream.verify(getRequestedFor(urlPathEqualTo("/t/" + TENANT + "/api/node/tags/v1"))
                .withHeader("X-Api-Key", equalTo(KEY)));
    }

    @Test
    @Order(4)
    void aChangedSpecReachesEveryInstanceThroughTheRefresh() {
        for (MicroInstance instance : List.of(a, b)) {
            assertThat(exactOperation(instance)).as("before the change").isNull();
        }
        upstream.stubFor(get(urlPathEqualTo("/spec/openapi.json")).willReturn(okJson(specWithNewOperation())));
        Instant changed = Instant.now();
        Duration bound = Duration.ofSeconds(30);
        for (MicroInstance instance : List.of(a, b)) {
            JsonNode operation = null;
            while (operation == null && Instant.now().isBefore(changed.plus(bound))) {
                operation = exactOperation(instance);
                if (operation == null) {
                    Http.sleep(Duration.ofMillis(250));
                }
            }
            assertThat(operation).as(instance.name + " finds " + NEW_OPERATION + " within " + bound).isNotNull();
            assertThat(operation.get("path").asText()).isEqualTo("/api/node/cluster-probes/v1");
            measured.put("spec change seen by " + instance.name,
                    Duration.between(changed, Instant.now()).toMillis() + " ms (MCP_SPEC_REFRESH=PT2S)");
        }
    }

    @Test
    @Order(5)
    void theConsoleBehindTheProxyStaysOnHttpsAndHealthStaysInternal() throws IOException {
        // deploy/payara-micro/preboot-commands.asadmin (as docker-compose.yml uses it): the scheme comes
        // from X-Forwarded-Proto, so the login redirect and the session cookie stay on https
        TlsClient client = front.client(TENANT);
        for (int i = 0; i < 2; i++) {
            TlsClient.Response console = client.send("GET", "/admin/", Map.of(), null);
            assertThat(console.status()).isIn(302, 303);
            assertThat(console.headers().get("location"))
                    .isEqualTo("https://" + TENANT + "." + CaddyFront.TENANT_DOMAIN + ":" + front.httpsPort
                            + "/admin/login.html");
        }
        assertThat(client.send("GET", "/health/ready", Map.of(), null).status()).as("health is internal")
                .isEqualTo(404);
    }

    @Test
    @Order(6)
    void everyCallThroughTheProxyIsOneRowOfTheInstanceThatServedItInTheSharedDatabase() {
        Map<String, Long> before = settledRowsByInstance();
        Map<String, Long> served = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            TlsClient.Response search = send(rpc(20 + i, "tools/call", Map.of("name", "search",
                    "arguments", Map.of("query", "affiliates " + i))));
            assertThat(search.status()).as(search.body()).isEqualTo(200);
            served.merge(servedBy(search), 1L, Long::sum);
        }
        assertThat(served.keySet()).containsExactly("a", "b");
        Map<String, Long> expected = new TreeMap<>(before);
        served.forEach((name, calls) -> expected.merge(name, calls, Long::sum));
        Map<String, Long> rows = awaitRows(expected, Duration.ofSeconds(60));
        assertThat(rows).as("call_metric rows by instance; recorders of a: " + recorders(a) + "; of b: " + recorders(b))
                .isEqualTo(expected);
    }

    @Test
    @Order(7)
    void whileTheSharedDatabaseRestartsCallsSucceedReadinessGoesDownAndNoMetricIsLost() throws Exception {
        Map<String, Long> expected = new TreeMap<>(settledRowsByInstance());
        database.kill();
        Instant stopped = Instant.now();
        for (MicroInstance instance : List.of(a, b)) {
            HttpResponse<String> down = Http.await(instance.base().resolve("health/ready"), Duration.ofSeconds(20),
                    response -> response.statusCode() == 503);
            JsonNode check = checksByName(down.body()).get("metrics-database");
            assertThat(check.get("status").asText()).isEqualTo("DOWN");
            assertThat(check.get("data").has("error")).isTrue();
            // liveness is not about the database: the instance must not be restarted for it
            assertThat(Http.get(instance.base().resolve("health/live")).statusCode()).isEqualTo(200);
            // calls do not depend on the metrics database: they keep succeeding while it is down
            McpClient direct = new McpClient(instance.mcp()).header("X-Api-Key", KEY)
                    .header("MCP-Protocol-Version", "2025-06-18");
            HttpResponse<String> search = direct.post(rpc(50, "tools/call",
                    Map.of("name", "search", "arguments", Map.of("query", "list tags"))));
            HttpResponse<String> execute = direct.post(rpc(51, "tools/call",
                    Map.of("name", "execute", "arguments", Map.of("operationId", "TagsService_ListTags"))));
            for (HttpResponse<String> call : List.of(search, execute)) {
                assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
                assertThat(JSON.readTree(call.body()).get("result").get("isError").asBoolean()).as(call.body()).isFalse();
            }
            expected.merge(instance.name, 2L, Long::sum);
        }
        measured.put("readiness DOWN after database kill", Duration.between(stopped, Instant.now()).toMillis() + " ms");
        database.startAgain();
        Instant restarted = Instant.now();
        for (MicroInstance instance : List.of(a, b)) {
            Http.await(instance.base().resolve("health/ready"), Duration.ofSeconds(30),
                    response -> response.statusCode() == 200);
        }
        measured.put("readiness UP after database restart", Duration.between(restarted, Instant.now()).toMillis() + " ms");
        // the rows of the calls made while it was down waited in the recorders and are written now
        assertThat(awaitRows(expected, Duration.ofSeconds(60))).as("rows by instance after the restart").isEqualTo(expected);
    }

    @Test
    @Order(8)
    void stoppingOneInstanceMidRunLosesNoCall() throws Exception {
        // the database restart took both instances out of the proxy's rotation: wait until it serves both again
        Instant rotationDeadline = Instant.now().plus(FRONT_TIMEOUT);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (seen.size() < 2 && Instant.now().isBefore(rotationDeadline)) {
            try {
                TlsClient.Response ping = front.client(TENANT).send("POST", "/mcp", MCP_HEADERS, rpc(90, "ping", Map.of()));
                if (ping.status() == 200) {
                    seen.add(servedBy(ping));
                }
            } catch (IOException notYet) {
                // the proxy answers once an instance is healthy again
            }
            Http.sleep(Duration.ofMillis(100));
        }
        assertThat(seen).as("the proxy serves from both instances again").containsExactlyInAnyOrder("a", "b");
        int proxyErrorsBefore = front.errorLogLines().size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TlsClient.Response>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = rpc(100 + i, "tools/call", Map.of("name", "execute", "arguments",
                        Map.of("operationId", "TagsService_GetTag", "pathParams", Map.of("id", "slow-" + i))));
                inFlight.add(pool.submit(() -> front.client(TENANT).send("POST", "/mcp", MCP_HEADERS, body)));
            }
            // every slow call has reached the upstream, i.e. was accepted by its instance
            Instant deadline = Instant.now().plusSeconds(20);
            while (upstream.findAll(getRequestedFor(urlPathMatching("/t/[a-z]+/api/node/tags/v1/slow-.*"))).size() < 6
                    && Instant.now().isBefore(deadline)) {
                Http.sleep(Duration.ofMillis(50));
            }
            assertThat(upstream.findAll(getRequestedFor(urlPathMatching("/t/[a-z]+/api/node/tags/v1/slow-.*"))))
                    .hasSize(6);

            Instant sigterm = Instant.now();
            b.terminate();

            // new calls keep coming through the proxy while b shuts down, and after it is gone
            List<TlsClient.Response> during = new ArrayList<>();
            boolean sawNotReady = false;
            int id = 200;
            while (b.alive() && Instant.now().isBefore(sigterm.plusSeconds(60))) {
                during.add(send(rpc(id++, "tools/call", Map.of("name", "execute", "arguments",
                        Map.of("operationId", "TagsService_ListTags")))));
                if (!sawNotReady) {
                    try {
                        sawNotReady = Http.get(b.base().resolve("health/ready")).statusCode() == 503;
                    } catch (RuntimeException refused) {
                        // already closed
                    }
                }
                Http.sleep(Duration.ofMillis(100));
            }
            assertThat(b.awaitExit(Duration.ofSeconds(30))).as("b exits after SIGTERM").isTrue();
            measured.put("b: SIGTERM to exit", Duration.between(sigterm, Instant.now()).toMillis() + " ms (grace "
                    + SHUTDOWN_GRACE_MILLIS + " ms)");
            for (int i = 0; i < 6; i++) {
                during.add(send(rpc(id++, "tools/call", Map.of("name", "execute", "arguments",
                        Map.of("operationId", "TagsService_ListTags")))));
            }

            List<String> slowServedBy = new ArrayList<>();
            for (Future<TlsClient.Response> call : inFlight) {
                TlsClient.Response response = call.get(60, TimeUnit.SECONDS);
                assertSucceeded(response);
                slowServedBy.add(servedBy(response));
            }
            assertThat(slowServedBy).as("in-flight calls on the stopped instance finished").contains("b");
            assertThat(during).allSatisfy(ClusterIT::assertSucceeded);
            assertThat(during.subList(during.size() - 6, during.size())).extracting(ClusterIT::servedBy)
                    .as("once b is gone, a serves every call").containsOnly("a");
            assertThat(front.errorLogLines().subList(proxyErrorsBefore, front.errorLogLines().size()))
                    .as("requests the proxy could not complete (" + front.log + ")").isEmpty();
            assertThat(sawNotReady).as("b reported not ready while it finished its calls").isTrue();
            measured.put("calls during shutdown", during.size() + " all OK; slow calls served by " + slowServedBy);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- through the proxy

    static TlsClient.Response send(String body) {
        try {
            return front.client(TENANT).send("POST", "/mcp", MCP_HEADERS, body);
        } catch (IOException e) {
            throw new UncheckedIOException("POST /mcp through Caddy; see " + front.log, e);
        }
    }

    static String servedBy(TlsClient.Response response) {
        return response.headers().getOrDefault(SERVED_BY, "?");
    }

    static void assertSucceeded(TlsClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body()).path("result");
        assertThat(result.path("isError").isBoolean() && !result.get("isError").asBoolean())
                .as("served by " + servedBy(response) + ": " + response.body()).isTrue();
    }

    // ---- the shared database

    static Map<String, Long> rowsByInstance() {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select instance, count(*) from call_metric group by instance")) {
            Map<String, Long> byInstance = new TreeMap<>();
            while (rows.next()) {
                byInstance.put(String.valueOf(rows.getString(1)), rows.getLong(2));
            }
            return byInstance;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count call_metric rows: " + e.getMessage(), e);
        }
    }

    /**
     * The rows once the earlier tests' calls are all written: the recorders write every second, so rows that
     * have not changed over three seconds are all there are.
     */
    static Map<String, Long> settledRowsByInstance() {
        Map<String, Long> rows = rowsByInstance();
        Instant deadline = Instant.now().plusSeconds(60);
        int unchanged = 0;
        while (unchanged < 3 && Instant.now().isBefore(deadline)) {
            Http.sleep(Duration.ofSeconds(1));
            Map<String, Long> now = rowsByInstance();
            unchanged = now.equals(rows) ? unchanged + 1 : 0;
            rows = now;
        }
        return rows;
    }

    /** Polls until the rows by instance are the expected ones (the recorders write in the background). */
    static Map<String, Long> awaitRows(Map<String, Long> expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Long> rows = rowsByInstance();
        while (!rows.equals(expected) && Instant.now().isBefore(deadline)) {
            Http.sleep(Duration.ofMillis(250));
            rows = rowsByInstance();
        }
        return rows;
    }

    // ---- helpers

    static JsonNode exactOperation(MicroInstance instance) {
        JsonNode result = new McpClient(instance.mcp()).header("X-Api-Key", KEY)
                .call("search", Map.of("query", NEW_OPERATION));
        JsonNode operation = result.path("structuredContent").path("operation");
        return operation.isMissingNode() || !NEW_OPERATION.equals(operation.path("operationId").asText())
                ? null : operation;
    }

    /** The recorder counters of an instance's admin API (both WARs' recorders, read over JMX). */
    static String recorders(MicroInstance instance) {
        try {
            String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(instance.base().resolve("admin/api/metrics/health"))
                            .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return "HTTP " + health.statusCode() + " " + health.body();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "unreadable: " + e;
        }
    }

    static String rpc(int id, String method, Object params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        return message.toString();
    }

    static JsonNode checksByName(String healthBody) {
        ObjectNode byName = JSON.createObjectNode();
        JSON.readTree(healthBody).get("checks").forEach(check -> byName.set(check.get("name").asText(), check));
        return byName;
    }

    static String bundledSpec() {
        try (InputStream in = ClusterIT.class.getClassLoader().getResourceAsStream("trackdesk-openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String specWithNewOperation() {
        ObjectNode spec = (ObjectNode) JSON.readTree(bundledSpec);
        ObjectNode get = JSON.createObjectNode();
        get.put("operationId", NEW_OPERATION);
        get.put("summary", "List cluster probes");
        get.put("description", "Added while the cluster runs, to prove MCP_SPEC_REFRESH reaches every instance.");
        get.putArray("tags").add("ClusterProbeService");
        get.putObject("responses").putObject("200").put("description", "OK");
        ((ObjectNode) spec.get("paths")).putObject("/api/node/cluster-probes/v1").set("get", get);
        return spec.toString();
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
