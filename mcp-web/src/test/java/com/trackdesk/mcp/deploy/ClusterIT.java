package com.trackdesk.mcp.deploy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.it.McpClient;
import com.trackdesk.mcp.testsupport.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster proof without Docker: two Payara Micro processes of the built application (mcp-web.war +
 * admin-ui.war) clustered through the Hazelcast data grid (TCP/IP member list on loopback, own cluster name),
 * behind {@link RoundRobinFront}, with a WireMock upstream that also serves the OpenAPI spec, and an H2 TCP
 * server as the one metrics database both instances share. Booted once for the whole class; the tests run in
 * order and the last one stops an instance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String KEY = "cluster-it-key-5e0b";
    static final String NEW_OPERATION = "ClusterProbeService_ListClusterProbes";
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(300);
    static final long SHUTDOWN_GRACE_MILLIS = 8000;
    static final String ADMIN_PASSWORD = "cluster-it-" + UUID.randomUUID();
    static final int SLOW_UPSTREAM_MILLIS = 4000;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static WireMockServer upstream;
    static H2Server database;
    static MicroInstance a;
    static MicroInstance b;
    static RoundRobinFront front;
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
            upstream.stubFor(get(urlPathEqualTo("/t/acme/api/node/tags/v1"))
                    .willReturn(okJson("{\"tags\":[{\"id\":\"t-1\",\"name\":\"cluster\"}]}")));
            upstream.stubFor(get(urlPathMatching("/t/acme/api/node/tags/v1/slow-.*"))
                    .willReturn(okJson("{\"tag\":{\"id\":\"slow\",\"name\":\"took its time\"}}")
                            .withFixedDelay(SLOW_UPSTREAM_MILLIS)));

            database = new H2Server(work, MicroInstance.freePort());
            database.start();

            String cluster = "trackdesk-it-" + UUID.randomUUID().toString().substring(0, 8);
            int httpA = MicroInstance.freePort();
            int httpB = MicroInstance.freePort();
            int gridA = MicroInstance.freePort();
            int gridB = MicroInstance.freePort();
            String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
            a = instance("a", httpA, gridA, cluster, members, work);
            b = instance("b", httpB, gridB, cluster, members, work);
            Instant t0 = Instant.now();
            a.start();
            b.start();
            a.awaitReady(BOOT_TIMEOUT);
            b.awaitReady(BOOT_TIMEOUT);
            // /health/ready is mcp-web's; admin-ui.war is deployed after it: wait for Payara Micro's own "ready"
            a.awaitLog("Payara Micro 6", " ready in ", BOOT_TIMEOUT);
            b.awaitLog("Payara Micro 6", " ready in ", BOOT_TIMEOUT);
            measured.put("boot of both instances (parallel)", Duration.between(t0, Instant.now()).toSeconds() + " s");

            front = new RoundRobinFront(List.of(new RoundRobinFront.Backend("a", a.base()),
                    new RoundRobinFront.Backend("b", b.base())));
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
        env.put("MCP_TENANT_DOMAIN", "trackdesk.localhost"); // as in docker-compose.yml
        env.put("MCP_SPEC", "http://127.0.0.1:" + upstream.port() + "/spec/openapi.json");
        env.put("MCP_SPEC_REFRESH", "PT2S");
        env.put("MCP_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("MCP_DB_URL", database.url());
        env.put("MCP_DB_USER", "sa");
        env.put("MCP_DB_PASSWORD", "");
        env.put("MCP_HEALTH_DATABASE", "true");
        env.put("MCP_ADMIN_USER", "admin");
        env.put("MCP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new MicroInstance(name, http, grid, work.resolve("payara-" + name + ".log"),
                MicroInstance.command("it-" + name, http, grid, cluster, members, SHUTDOWN_GRACE_MILLIS), env);
    }

    @AfterAll
    static void stopCluster() {
        System.out.println("ClusterIT measured: " + measured);
        if (front != null) {
            front.close();
        }
        for (MicroInstance instance : new MicroInstance[] {a, b}) {
            if (instance != null) {
                instance.stop(Duration.ofSeconds(30));
            }
        }
        if (database != null) {
            database.stop();
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    @Test
    @Order(1)
    void bothInstancesFormOneDataGridCluster() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)
                && !(a.logText().contains("DG Size: 2") && b.logText().contains("DG Size: 2"))) {
            Http.sleep(Duration.ofMillis(500));
        }
        assertThat(a.logText()).as("Hazelcast membership in " + a.log).contains("DG Size: 2");
        assertThat(b.logText()).as("Hazelcast membership in " + b.log).contains("DG Size: 2");
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
    void behindTheTlsProxyTheConsoleRedirectsToHttps() throws Exception {
        // deploy/payara-micro/preboot-commands.asadmin (as docker-compose.yml uses it): the scheme comes
        // from X-Forwarded-Proto, so the login redirect and the session cookie stay on https
        for (MicroInstance instance : List.of(a, b)) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(instance.base().resolve("admin/"))
                    .header("X-Forwarded-Proto", "https").header("Host", "demo.trackdesk.localhost:8443").build();
            HttpResponse<String> redirect = java.net.http.HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).isIn(302, 303);
            assertThat(redirect.headers().firstValue("Location").orElse(""))
                    .isEqualTo("https://demo.trackdesk.localhost:8443/admin/login.html");
        }
    }

    @Test
    @Order(4)
    void aSessionWhoseRequestsAlternateBetweenInstancesKeepsWorking() {
        McpClient client = new McpClient(front.uri().resolve("mcp")).header("X-Api-Key", KEY);
        List<String> servedBy = new ArrayList<>();

        HttpResponse<String> init = client.post(rpc(1, "initialize", Map.of("protocolVersion", "2025-06-18",
                "capabilities", Map.of(), "clientInfo", Map.of("name", "cluster-it", "version", "1"))));
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        assertThat(JSON.readTree(init.body()).get("result").get("serverInfo").get("name").asText())
                .isEqualTo("trackdesk-mcp");
        servedBy.add(backend(init));

        HttpResponse<String> initialized = client.header("MCP-Protocol-Version", "2025-06-18")
                .post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(initialized.statusCode()).isEqualTo(202);
        servedBy.add(backend(initialized));

        HttpResponse<String> tools = client.header("MCP-Protocol-Version", "2025-06-18")
                .post(rpc(2, "tools/list", Map.of()));
        assertThat(tools.body()).contains("\"search\"").contains("\"execute\"");
        servedBy.add(backend(tools));

        HttpResponse<String> search = client.header("MCP-Protocol-Version", "2025-06-18").post(rpc(3, "tools/call",
                Map.of("name", "search", "arguments", Map.of("query", "list tags"))));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).get("result").get("isError").asBoolean()).isFalse();
        servedBy.add(backend(search));

        HttpResponse<String> execute = client.header("MCP-Protocol-Version", "2025-06-18").post(rpc(4, "tools/call",
                Map.of("name", "execute", "arguments", Map.of("operationId", "TagsService_ListTags"))));
        JsonNode result = JSON.readTree(execute.body()).get("result");
        assertThat(result.get("isError").asBoolean()).as(execute.body()).isFalse();
        assertThat(result.get("structuredContent").get("body").get("tags").get(0).get("name").asText())
                .isEqualTo("cluster");
        servedBy.add(backend(execute));

        // strictly alternating: initialize on one instance, the calls that follow on the other and back
        assertThat(servedBy).containsExactly("a", "b", "a", "b", "a");
        upstream.verify(getRequestedFor(urlPathEqualTo("/t/acme/api/node/tags/v1"))
                .withHeader("X-Api-Key", equalTo(KEY)));
    }

    @Test
    @Order(5)
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
    @Order(6)
    void throughTheCaddyOfDockerComposeWithTls() throws Exception {
        // the very deploy/caddy/Caddyfile of docker-compose.yml, pointed at the two instances
        String caddy = DockerComposeConfigIT.binary("caddy").orElse(null);
        Assumptions.assumeTrue(caddy != null, "caddy not installed (apt-get install -y caddy): the Caddyfile is not"
                + " run in front of the cluster; the round-robin test front covers the balancing");
        Path work = a.log.getParent();
        int https = MicroInstance.freePort();
        Path root = Path.of(System.getProperty("sandbox.dir")).toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder(caddy, "run", "--adapter", "caddyfile", "--config",
                root.resolve("deploy/caddy/Caddyfile").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("caddy.log").toFile());
        builder.environment().put("MCP_TENANT_DOMAIN", "trackdesk.localhost");
        builder.environment().put("MCP_UPSTREAMS", "127.0.0.1:" + a.httpPort + " 127.0.0.1:" + b.httpPort);
        builder.environment().put("CADDY_HTTPS_PORT", String.valueOf(https));
        builder.environment().put("CADDY_HTTP_PORT", String.valueOf(MicroInstance.freePort()));
        builder.environment().put("XDG_DATA_HOME", work.resolve("caddy-data").toString());
        builder.environment().put("XDG_CONFIG_HOME", work.resolve("caddy-config").toString());
        Process proxy = builder.start();
        try {
            Path rootCertificate = work.resolve("caddy-data/caddy/pki/authorities/local/root.crt");
            TlsClient.Response init = null;
            Instant deadline = Instant.now().plusSeconds(60);
            String initialize = rpc(1, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                    "clientInfo", Map.of("name", "cluster-it-tls", "version", "1")));
            Map<String, String> mcpHeaders = Map.of("Content-Type", "application/json",
                    "Accept", "application/json, text/event-stream", "X-Api-Key", KEY);
            while (init == null && Instant.now().isBefore(deadline)) {
                try {
                    if (Files.exists(rootCertificate)) {
                        TlsClient.Response response = new TlsClient(rootCertificate, "demo.trackdesk.localhost", https)
                                .send("POST", "/mcp", mcpHeaders, initialize);
                        if (response.status() == 200) {
                            init = response;
                        }
                    }
                } catch (IOException notYet) {
                    // Caddy still starting, certificate not issued yet, or no instance marked healthy yet
                }
                if (init == null) {
                    Http.sleep(Duration.ofMillis(500));
                }
            }
            assertThat(init).as("initialize through Caddy; see " + work.resolve("caddy.log")).isNotNull();
            assertThat(JSON.readTree(init.body()).get("result").get("serverInfo").get("name").asText())
                    .isEqualTo("trackdesk-mcp");
            TlsClient client = new TlsClient(rootCertificate, "demo.trackdesk.localhost", https);

            // the tenant comes from the Host the client used: the proxy passes it on
            upstream.stubFor(get(urlPathEqualTo("/t/demo/api/node/tags/v1"))
                    .willReturn(okJson("{\"tags\":[{\"id\":\"t-9\",\"name\":\"via-caddy\"}]}")));
            for (int i = 0; i < 4; i++) {
                TlsClient.Response execute = client.send("POST", "/mcp", mcpHeaders, rpc(10 + i, "tools/call",
                        Map.of("name", "execute", "arguments", Map.of("operationId", "TagsService_ListTags"))));
                assertThat(execute.status()).as(execute.body()).isEqualTo(200);
                assertThat(JSON.readTree(execute.body()).get("result").get("isError").asBoolean()).as(execute.body())
                        .isFalse();
            }
            upstream.verify(4, getRequestedFor(urlPathEqualTo("/t/demo/api/node/tags/v1")));

            TlsClient.Response console = client.send("GET", "/admin/", Map.of(), null);
            assertThat(console.status()).isIn(302, 303);
            assertThat(console.headers().get("location"))
                    .isEqualTo("https://demo.trackdesk.localhost:" + https + "/admin/login.html");
            assertThat(client.send("GET", "/health/ready", Map.of(), null).status()).as("health is internal")
                    .isEqualTo(404);
        } finally {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(7)
    void metricsFromBothInstancesReachTheOneSharedDatabase() throws Exception {
        Path root = Path.of(System.getProperty("sandbox.dir")).getParent();
        Path status = root.resolve("admin-ui/STATUS.md");
        Assumptions.assumeTrue(Files.exists(status) && Files.readString(status).contains("METRICS JAR READY"),
                "admin-ui/STATUS.md does not say METRICS JAR READY: shared-database assertion not run");
        Assumptions.assumeTrue(warCarriesMetricsRecorder(),
                "mcp-web.war has no admin-ui metrics jar in WEB-INF/lib yet (mcp-web/pom.xml must depend on"
                        + " admin-ui:metrics and record calls): shared-database assertion not run");
        Duration bound = Duration.ofSeconds(60);
        long before = database.count("select count(*) from call_metric");
        long expected = before;
        for (MicroInstance instance : List.of(a, b)) {
            McpClient direct = new McpClient(instance.mcp()).header("X-Api-Key", KEY);
            for (int i = 0; i < 3; i++) {
                direct.call("search", Map.of("query", "affiliates " + i));
            }
            expected += 3;
            Instant deadline = Instant.now().plus(bound);
            long rows = database.count("select count(*) from call_metric");
            while (rows < expected && Instant.now().isBefore(deadline)) {
                Http.sleep(Duration.ofMillis(250));
                rows = database.count("select count(*) from call_metric");
            }
            if (rows < expected) {
                // what the recorders of this instance say, and what its threads do, for the failure report
                instance.threadDump(instance.log.resolveSibling("threads-" + instance.name + ".txt"));
            }
            assertThat(rows).as("call_metric rows after 3 calls on " + instance.name + "; newest row at "
                    + database.text("select max(called_at) from call_metric") + ", losses reported "
                    + database.count("select count(*) from recording_loss") + "; recorders of " + instance.name + ": "
                    + recorders(instance) + "; threads in " + instance.log.resolveSibling("threads-" + instance.name + ".txt"))
                    .isGreaterThanOrEqualTo(expected);
        }
    }

    @Test
    @Order(8)
    void readinessGoesDownWhileTheSharedDatabaseIsUnreachable() {
        database.stop();
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
        }
        measured.put("readiness DOWN after database stop", Duration.between(stopped, Instant.now()).toMillis() + " ms");
        database.start();
        Instant restarted = Instant.now();
        for (MicroInstance instance : List.of(a, b)) {
            Http.await(instance.base().resolve("health/ready"), Duration.ofSeconds(30),
                    response -> response.statusCode() == 200);
        }
        measured.put("readiness UP after database restart", Duration.between(restarted, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(9)
    void stoppingOneInstanceMidRunLosesNoAcceptedRequest() throws Exception {
        McpClient client = new McpClient(front.uri().resolve("mcp")).header("X-Api-Key", KEY)
                .header("MCP-Protocol-Version", "2025-06-18");
        // the previous test restarted the database: the front's health check (every 500 ms) may still
        // hold an instance as not ready, and would then send every slow call to the other one
        Instant frontDeadline = Instant.now().plusSeconds(30);
        while (!(front.healthy("a") && front.healthy("b")) && Instant.now().isBefore(frontDeadline)) {
            Http.sleep(Duration.ofMillis(100));
        }
        assertThat(front.healthy("a") && front.healthy("b")).as("the front sees both instances ready").isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = rpc(100 + i, "tools/call", Map.of("name", "execute", "arguments",
                        Map.of("operationId", "TagsService_GetTag", "pathParams", Map.of("id", "slow-" + i))));
                inFlight.add(pool.submit(() -> client.post(body)));
            }
            // every slow call has reached the upstream, i.e. was accepted by its instance
            Instant deadline = Instant.now().plusSeconds(20);
            while (upstream.findAll(getRequestedFor(urlPathMatching("/t/acme/api/node/tags/v1/slow-.*"))).size() < 6
                    && Instant.now().isBefore(deadline)) {
                Http.sleep(Duration.ofMillis(50));
            }
            assertThat(upstream.findAll(getRequestedFor(urlPathMatching("/t/acme/api/node/tags/v1/slow-.*"))))
                    .hasSize(6);

            Instant sigterm = Instant.now();
            b.terminate();

            // new calls keep coming through the front while b shuts down
            List<HttpResponse<String>> during = new ArrayList<>();
            boolean sawNotReady = false;
            int id = 200;
            while (b.alive() && Instant.now().isBefore(sigterm.plusSeconds(60))) {
                during.add(client.post(rpc(id++, "tools/call", Map.of("name", "execute", "arguments",
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
            for (int i = 0; i < 5; i++) {
                during.add(client.post(rpc(id++, "tools/call", Map.of("name", "execute", "arguments",
                        Map.of("operationId", "TagsService_ListTags")))));
            }

            // a purely passive balancer (nginx open source) still sends to b: the refused connections never
            // reached an instance and are retried on a
            front.activeHealthChecks(false);
            int refusedBefore = front.retriedAfterRefusal.get();
            for (int i = 0; i < 6; i++) {
                during.add(client.post(rpc(id++, "tools/call", Map.of("name", "execute", "arguments",
                        Map.of("operationId", "TagsService_ListTags")))));
            }
            assertThat(front.retriedAfterRefusal.get() - refusedBefore).as("refused by the stopped b, retried on a")
                    .isGreaterThanOrEqualTo(3);

            List<String> slowServedBy = new ArrayList<>();
            for (Future<HttpResponse<String>> call : inFlight) {
                HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode result = JSON.readTree(response.body()).path("result");
                assertThat(result.path("isError").isBoolean() && !result.get("isError").asBoolean())
                        .as("served by " + backend(response) + ": " + response.body()).isTrue();
                slowServedBy.add(backend(response));
            }
            assertThat(slowServedBy).as("in-flight calls on the stopped instance finished").contains("b");
            assertThat(during).allSatisfy(response -> {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode result = JSON.readTree(response.body()).path("result");
                assertThat(result.path("isError").isBoolean() && !result.get("isError").asBoolean())
                        .as("served by " + backend(response) + ": " + response.body()).isTrue();
            });
            assertThat(front.failedAfterSending.get()).as("requests lost after reaching an instance").isZero();
            assertThat(sawNotReady).as("b reported not ready while it finished its calls").isTrue();
            measured.put("calls during shutdown", during.size() + " all OK; served " + front.served
                    + ", retried after refused connection " + front.retriedAfterRefusal.get());
        } finally {
            pool.shutdownNow();
        }
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

    static String backend(HttpResponse<String> response) {
        return response.headers().firstValue(RoundRobinFront.BACKEND_HEADER).orElse("?");
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

    static boolean warCarriesMetricsRecorder() throws IOException {
        try (JarFile war = new JarFile(System.getProperty("mcp.war"))) {
            return war.stream().anyMatch(entry -> entry.getName().matches("WEB-INF/lib/metrics-.*\\.jar"));
        }
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
