package com.trackdesk.mcp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.testsupport.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * trackdesk-mcp.ear, exactly as built, on a full Payara Server (the distribution zip unpacked by the
 * build), set up the way an administrator would: a fresh domain on free ports, configuration through
 * MicroProfile Config (environment variables for the upstream, data directory and console account; one key
 * through {@code asadmin set-config-property}, the server's own config source), {@code asadmin deploy}.
 * The sandbox upstream (WireMock with sandbox/) stands in for Trackdesk. The domain is stopped afterwards
 * even when something failed.
 */
class EarOnPayaraServerIT {

    static final String KEY = "ear-it-key-7d1f";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "ear-it-" + UUID.randomUUID();

    static WireMockServer sandbox;
    static PayaraServer server;
    static URI base;
    static final List<String> timings = new ArrayList<>();

    @BeforeAll
    static void deployEar() {
        Path target = Path.of(System.getProperty("it.target"));
        sandbox = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(System.getProperty("sandbox.dir")).globalTemplating(false));
        sandbox.start();
        server = new PayaraServer(Path.of(System.getProperty("payara.server.home")), target.resolve("payara-domains"),
                "trackdesk-it", target.resolve("payara-server-it.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "payara-server-stop"));
        try {
            Path dataDir = target.resolve("ear-it-data");
            PayaraServer.deleteRecursively(dataDir);
            Files.createDirectories(dataDir);

            Instant t0 = Instant.now();
            server.create();
            Instant t1 = Instant.now();
            server.start(Map.of(
                    "MCP_UPSTREAM_URL", "http://127.0.0.1:" + sandbox.port(),
                    "MCP_DATA_DIR", dataDir.toAbsolutePath().toString(),
                    "MCP_ADMIN_USER", ADMIN_USER,
                    "MCP_ADMIN_PASSWORD", ADMIN_PASSWORD));
            Instant t2 = Instant.now();
            // the server's own MicroProfile Config source, as an administrator would set it
            server.asadmin("set-config-property", "--source=domain", "--propertyName=MCP_DEFAULT_TENANT",
                    "--propertyValue=demo");
            server.deploy(Path.of(System.getProperty("ear.file")), "trackdesk-mcp");
            Instant t3 = Instant.now();
            base = URI.create("http://127.0.0.1:" + server.httpPort() + "/");
            timings.add("create-domain " + Duration.between(t0, t1).toSeconds() + " s, start-domain "
                    + Duration.between(t1, t2).toSeconds() + " s, config + deploy " + Duration.between(t2, t3).toSeconds()
                    + " s");
            System.out.println("EarOnPayaraServerIT: " + timings);
        } catch (RuntimeException | java.io.IOException e) {
            stopAll();
            throw new IllegalStateException("EAR deployment on Payara Server failed: " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void stopAll() {
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    URI mcp() {
        return base.resolve("mcp");
    }

    @Test
    void mcpEndpointIsAtTheRootContext() {
        JsonNode result = McpRpc.initialize(mcp(), KEY).get("result");
        assertThat(result.get("serverInfo").get("name").asText()).isEqualTo("trackdesk-mcp");
        assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-06-18");

        JsonNode tools = McpRpc.rpc(mcp(), KEY, "tools/list", Map.of()).get("result").get("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("search", "execute");
    }

    @Test
    void searchUsesTheCatalogOfTheEjbModule() {
        JsonNode result = McpRpc.call(mcp(), KEY, "search", Map.of("query", "newest affiliates"));
        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.get("structuredContent").get("results").get(0).get("operationId").asText())
                .isEqualTo("AffiliateService_ListAffiliates");
    }

    @Test
    void executeReachesTheConfiguredUpstreamForTheDefaultTenant() {
        // MCP_UPSTREAM_URL came from the environment, MCP_DEFAULT_TENANT from asadmin set-config-property
        JsonNode result = McpRpc.call(mcp(), KEY, "execute", Map.of("operationId", "AffiliateService_ListAffiliates",
                "body", Map.of("pagination", Map.of("limit", 3))));
        assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.get("structuredContent").get("body").get("affiliates")).hasSize(3);
        sandbox.verify(postRequestedFor(urlPathEqualTo("/api/node/affiliates/v1")));
    }

    @Test
    void adminConsoleIsAtSlashAdminBehindItsLogin() {
        HttpResponse<String> anonymous = Http.get(base.resolve("admin/"));
        assertThat(anonymous.statusCode()).as(anonymous.body()).isIn(302, 303);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/admin/login.html");

        String basic = Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> console = Http.get(base.resolve("admin/"), "Authorization", "Basic " + basic);
        assertThat(console.statusCode()).as(console.body()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void microProfileHealthReportsTheCatalog() {
        HttpResponse<String> ready = Http.await(base.resolve("health/ready"), Duration.ofSeconds(30),
                response -> response.statusCode() == 200);
        JsonNode body = McpRpc.json(ready.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        JsonNode catalog = null;
        for (JsonNode check : body.get("checks")) {
            if (check.get("name").asText().equals("catalog")) {
                catalog = check;
            }
        }
        assertThat(catalog).as(ready.body()).isNotNull();
        assertThat(catalog.get("data").get("operations").asInt()).isGreaterThan(50);

        HttpResponse<String> live = Http.get(base.resolve("health/live"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"mcp-server\"");
    }

    @Test
    void theConsoleCountsTheCallsTheEndpointRecorded() throws Exception {
        // mcp-web writes through its container pool and JTA, admin-ui reads through its own: one database, two pools
        long before = summaryCalls();
        JsonNode result = McpRpc.call(mcp(), KEY, "search", Map.of("query", "list tags"));
        assertThat(result.get("isError").asBoolean()).isFalse();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        long calls = summaryCalls();
        while (calls < before + 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            calls = summaryCalls();
        }
        assertThat(calls).as("calls the console counts (server log: " + server.serverLog() + ")")
                .isGreaterThanOrEqualTo(before + 1);
    }

    long summaryCalls() {
        String basic = Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> summary = Http.get(base.resolve("admin/api/metrics/summary"), "Authorization",
                "Basic " + basic);
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        return McpRpc.json(summary.body()).get("calls").asLong();
    }
}
