package com.trackdesk.mcp.deploy;

import com.trackdesk.mcp.testsupport.http.Http;
import com.trackdesk.mcp.testsupport.net.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong setting stops the deployment, with one message naming the variable, instead of a server that
 * serves with it (or fails at the first call that reads it). Each test boots Payara Micro with mcp-web.war and
 * one wrong setting.
 */
class MisconfigurationIT {

    /** Generous: a boot on the shared 2-core machine under load has taken more than 4 minutes. */
    static final Duration BOOT = Duration.ofSeconds(600);

    MicroInstance server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void aNegativeTimeoutStopsTheDeploymentNamingTheVariable() {
        server = bootWith("negative-timeout", Map.of("MCP_UPSTREAM_TIMEOUT_MS", "-5"));

        assertTheDeploymentFailedSaying("MCP_UPSTREAM_TIMEOUT_MS must be a positive number of milliseconds, was -5");
    }

    @Test
    void aWordWhereANumberBelongsStopsTheDeploymentNamingTheVariable() {
        server = bootWith("word-for-number", Map.of("MCP_CALL_TIMEOUT_SECONDS", "soon"));

        assertTheDeploymentFailedSaying("MCP_CALL_TIMEOUT_SECONDS must be a positive number of seconds, was 'soon'");
    }

    @Test
    void anUnknownWordForASwitchStopsTheDeploymentNamingTheVariable() {
        server = bootWith("unknown-switch-word", Map.of("MCP_SEARCH_SEMANTIC", "maybe"));

        assertTheDeploymentFailedSaying("MCP_SEARCH_SEMANTIC must be on or off, was 'maybe'");
    }

    /**
     * Payara Micro itself comes up (it says it is ready, and answers), but without the application, and the log says
     * why in our words, on one line. /mcp is then unknown (404) or, when the web context failed to start, an error
     * page (500); never the application's own answer to a GET (405).
     */
    private void assertTheDeploymentFailedSaying(String problem) {
        server.awaitLog("Payara Micro", "ready in", BOOT);
        assertThat(server.logText().lines().filter(line -> line.contains("Invalid configuration") && line.contains(problem)))
                .as("a log line 'Invalid configuration…" + problem + "' in " + server.log).isNotEmpty();
        HttpResponse<String> mcp = Http.await(server.base().resolve("mcp"), BOOT, answer -> true);
        assertThat(mcp.statusCode()).as(mcp.body()).isIn(404, 500);
        assertThat(mcp.body()).doesNotContain("jsonrpc");
    }

    private static MicroInstance bootWith(String name, Map<String, String> wrongSetting) {
        Path work = Path.of(System.getProperty("it.target", "target")).resolve("misconfiguration-it");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePorts.any();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", System.getProperty("payara.microJar"), "--nocluster", "--disablephonehome",
                "--port", String.valueOf(port), "--deploy", System.getProperty("mcp.war"));
        Map<String, String> environment = new HashMap<>(wrongSetting);
        environment.put("MCP_DATA_DIR", work.resolve("data-" + name).toAbsolutePath().toString());
        MicroInstance instance = new MicroInstance(name, port, 0, work.resolve("payara-" + name + ".log"), command,
                environment);
        instance.start();
        return instance;
    }
}
