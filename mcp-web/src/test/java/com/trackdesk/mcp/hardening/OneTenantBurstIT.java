package com.trackdesk.mcp.hardening;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.it.McpClient;
import com.trackdesk.mcp.testsupport.http.ServerStart;
import com.trackdesk.mcp.testsupport.net.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a burst of one tenant far past its bound, on a server with the default limits (the shared test server
 * shortens the call budget for other tests, so this one boots its own): 16 calls in flight
 * ({@code MCP_TENANT_CONCURRENCY}), the rest wait in line within their 25 s budget ({@code MCP_TENANT_QUEUE_MS},
 * 10 s) — and none is refused for lack of capacity. Before the line fitted the budget, 48 of these 64 calls were
 * refused at once.
 */
class OneTenantBurstIT {

    static final int CALLERS = 64;
    /** Long enough that the burst cannot be served in one wave of 16. */
    static final int UPSTREAM_DELAY_MILLIS = 200;
    /** Generous: a boot on the shared 2-core machine under load has taken more than 4 minutes. */
    static final Duration BOOT = Duration.ofSeconds(600);

    static WireMockServer upstream;
    static Process payara;
    static URI mcp;
    static Path log;

    @BeforeAll
    static void bootWithTheDefaultLimits() throws IOException {
        // enough threads that the upstream itself never makes calls wait
        upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(CALLERS + 16));
        upstream.start();
        upstream.stubFor(any(urlPathMatching("/t/burst/api/node/tags/v1")).willReturn(aResponse()
                .withFixedDelay(UPSTREAM_DELAY_MILLIS).withHeader("Content-Type", "application/json")
                .withBody("{\"tags\":[{\"id\":\"t1\",\"name\":\"vip\"}]}")));
        Path work = Path.of(System.getProperty("it.target", "target")).resolve("one-tenant-burst-it");
        Files.createDirectories(work);
        log = work.resolve("payara.log");
        int port = FreePorts.any();
        mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", System.getProperty("payara.microJar"), "--nocluster", "--disablephonehome",
                "--port", String.valueOf(port), "--deploy", System.getProperty("mcp.war"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // only where the upstream is and where data goes: every limit keeps its default
        builder.environment().put("MCP_UPSTREAM_URL", "http://127.0.0.1:" + upstream.port() + "/t/{tenant}");
        builder.environment().put("MCP_DEFAULT_TENANT", "burst");
        builder.environment().put("MCP_SEARCH_SEMANTIC", "off");
        builder.environment().put("MCP_DATA_DIR", work.resolve("data").toAbsolutePath().toString());
        payara = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(mcp).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("X-Api-Key", "it-readiness-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"ping\"}")).build();
        ServerStart.await(payara, "Payara Micro", log, BOOT,
                () -> http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(20, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    @Test
    void sixtyFourCallsOfOneTenantAreAllServedNoneRefusedForLackOfCapacity() throws Exception {
        McpClient client = new McpClient(mcp).header("X-Api-Key", "it-key-burst-7c1d");
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    JsonNode result = client.call("execute", Map.of("operationId", "TagsService_ListTags"));
                    if (result.get("isError").asBoolean()) {
                        refusals.add(McpClient.text(result));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                // each call ends within its 25 s budget; the rest is room for a busy machine
                call.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(refusals).as("calls that ended as tool errors (see " + log + ")").isEmpty();
        assertThat(upstream.findAll(anyRequestedFor(urlPathMatching("/t/burst/.*")))).as("each call sent once")
                .hasSize(CALLERS);
    }
}
