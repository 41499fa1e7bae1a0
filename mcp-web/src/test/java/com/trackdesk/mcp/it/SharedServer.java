package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.testsupport.http.ServerStart;
import com.trackdesk.mcp.testsupport.net.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The one Payara Micro of the integration-test phase: started on first use with the built
 * mcp-web.war and admin-ui.war and a WireMock upstream, shared by every test class, stopped when
 * the test JVM exits. Booting once per phase instead of once per class keeps the build fast.
 *
 * <p>The upstream template is {@code http://127.0.0.1:<wiremock>/t/{tenant}}, so the tenant of each
 * call shows in the path WireMock saw. Hosts outside trackdesk.com use tenant {@code acme}.
 */
public final class SharedServer {

    public static final String DEFAULT_TENANT = "acme";

    private static SharedServer instance;

    private final WireMockServer upstream;
    private final Process payara;
    private final URI baseUri;
    private final Path logFile;
    private final Path dataDir;
    private final String adminPassword = "it-admin-" + UUID.randomUUID();
    private boolean adminDeployed;

    public static synchronized SharedServer get() {
        if (instance == null) {
            instance = new SharedServer();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "shared-server-stop"));
        }
        return instance;
    }

    private SharedServer() {
        upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        upstream.start();
        Path target = Path.of(System.getProperty("it.target", "target"));
        dataDir = target.resolve("it-data");
        logFile = target.resolve("payara-it.log");
        int port = FreePorts.any();
        baseUri = URI.create("http://127.0.0.1:" + port + "/");
        try {
            Files.createDirectories(dataDir);
            // the JVM options of ./run (deploy/payara-micro/java-options.sh), so the tests see the collector users run
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx320m", "-XX:+UseSerialGC",
                    "-Dhttp.maxConnections=64", "-jar",
                    System.getProperty("payara.microJar"), "--nocluster", "--port", String.valueOf(port),
                    "--deploy", System.getProperty("mcp.war")));
            String adminWar = System.getProperty("admin.war");
            adminDeployed = adminWar != null && Files.exists(Path.of(adminWar));
            if (adminDeployed) {
                command.addAll(List.of("--deploy", adminWar));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = builder.environment();
            env.put("MCP_UPSTREAM_URL", "http://127.0.0.1:" + upstream.port() + "/t/{tenant}");
            env.put("MCP_DEFAULT_TENANT", DEFAULT_TENANT);
            env.put("MCP_UPSTREAM_TIMEOUT_MS", "1500");
            // a read that never answers gets two 1.5 s attempts, not three (UpstreamFaultsIT)
            env.put("MCP_CALL_TIMEOUT_SECONDS", "4");
            // what a 4 s call with 1.5 s attempts leaves for the wait in line (more would be cut, with a warning)
            env.put("MCP_TENANT_QUEUE_MS", "2500");
            env.put("MCP_BREAKER_OPEN_SECONDS", "2");
            env.put("MCP_PROGRESS_INTERVAL_MS", "300");
            env.put("MCP_MAX_RETRY_AFTER_SECONDS", "2");
            // room for two answers of the largest size at once, all calls together, so RequestLimitsIT can fill it
            env.put("MCP_INSTANCE_ANSWER_BYTES", "2097152");
            env.put("MCP_DATA_DIR", dataDir.toAbsolutePath().toString());
            // OAuthIT serves a client metadata document from a local https WireMock: test-only switch
            env.put("MCP_OAUTH_CIMD_INSECURE_TEST_MODE", "true");
            env.put("MCP_ADMIN_USER", adminUser());
            env.put("MCP_ADMIN_PASSWORD", adminPassword);
            payara = builder.start();
        } catch (IOException e) {
            upstream.stop();
            throw new UncheckedIOException("could not start Payara Micro", e);
        }
        // generous: on a shared 2-core machine under load a boot has taken more than 4 minutes
        awaitReady(Duration.ofSeconds(600));
    }

    public URI baseUri() {
        return baseUri;
    }

    public URI mcpUri() {
        return baseUri.resolve("mcp");
    }

    public WireMockServer upstream() {
        return upstream;
    }

    public Path logFile() {
        return logFile;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String adminUser() {
        return "admin";
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** A raw MCP client on this server with the given API key (null for none). */
    public McpClient client(String apiKey) {
        return new McpClient(mcpUri()).header("X-Api-Key", apiKey);
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(mcpUri()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("X-Api-Key", "it-readiness-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"ping\"}")).build();
        HttpRequest adminProbe = HttpRequest.newBuilder(baseUri.resolve("admin/api/login-info"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            // both WARs: mcp-web answers first, admin-ui may still be deploying
            ServerStart.await(payara, "Payara Micro", logFile, timeout,
                    () -> http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200
                            && (!adminDeployed || http.send(adminProbe, HttpResponse.BodyHandlers.ofString()).statusCode() == 200));
        } catch (IllegalStateException notStarted) {
            stop();
            throw notStarted;
        }
    }

    private void stop() {
        payara.destroy();
        try {
            if (!payara.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            payara.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        upstream.stop();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
