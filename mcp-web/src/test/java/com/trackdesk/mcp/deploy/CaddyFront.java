package com.trackdesk.mcp.deploy;

import com.trackdesk.mcp.testsupport.http.Http;
import com.trackdesk.mcp.testsupport.net.FreePorts;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The cluster's front as docker-compose.yml runs it: Caddy (the OS package) with the very
 * {@code deploy/caddy/Caddyfile}, on free loopback ports, TLS from its own local CA, in front of the given
 * instances. Without {@code caddy} the tests are skipped, saying why, except under {@code CI=true}, where
 * that is a failure: a build machine must test the proxy the users run.
 */
final class CaddyFront {

    static final String TENANT_DOMAIN = "trackdesk.localhost";

    final int httpsPort;
    final Path log;
    private final Path rootCertificate;
    private final Process process;

    private CaddyFront(int httpsPort, Path log, Path rootCertificate, Process process) {
        this.httpsPort = httpsPort;
        this.log = log;
        this.rootCertificate = rootCertificate;
        this.process = process;
    }

    /** Starts Caddy in front of the instances; returns once its certificate authority exists. */
    static CaddyFront start(Path work, List<MicroInstance> instances) {
        String caddy = DockerComposeConfigIT.binary("caddy").orElse(null);
        if (caddy == null) {
            String why = "caddy not installed (apt-get install -y caddy): the cluster cannot run behind its proxy";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why + " (under CI=true this fails)");
        }
        Path caddyfile = Path.of(System.getProperty("sandbox.dir")).toAbsolutePath().resolveSibling("deploy")
                .resolve("caddy/Caddyfile");
        int https = FreePorts.any();
        Path log = work.resolve("caddy.log");
        ProcessBuilder builder = new ProcessBuilder(caddy, "run", "--adapter", "caddyfile", "--config", caddyfile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("MCP_TENANT_DOMAIN", TENANT_DOMAIN);
        environment.put("MCP_UPSTREAMS", String.join(" ", instances.stream()
                .map(instance -> "127.0.0.1:" + instance.httpPort).toList()));
        environment.put("CADDY_HTTPS_PORT", String.valueOf(https));
        environment.put("CADDY_HTTP_PORT", String.valueOf(FreePorts.any()));
        environment.put("XDG_DATA_HOME", work.resolve("caddy-data").toString());
        environment.put("XDG_CONFIG_HOME", work.resolve("caddy-config").toString());
        try {
            CaddyFront front = new CaddyFront(https, log,
                    work.resolve("caddy-data/caddy/pki/authorities/local/root.crt"), builder.start());
            front.awaitCertificateAuthority(Duration.ofSeconds(60));
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + caddy, e);
        }
    }

    private void awaitCertificateAuthority(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(rootCertificate) && Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Caddy exited; see " + log);
            }
            Http.sleep(Duration.ofMillis(200));
        }
        if (!Files.exists(rootCertificate)) {
            throw new IllegalStateException("Caddy made no local CA in " + timeout + "; see " + log);
        }
    }

    /** HTTPS to the front under the tenant's host name, verified against Caddy's local CA. */
    TlsClient client(String tenant) {
        try {
            return new TlsClient(rootCertificate, tenant + "." + TENANT_DOMAIN, httpsPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the request until the answer satisfies the condition (Caddy still issuing its certificate, or its
     * health checks not yet having seen the instances ready); fails with the last answer after the timeout.
     */
    TlsClient.Response await(String tenant, Duration timeout, String method, String path, Map<String, String> headers,
                             String body, Predicate<TlsClient.Response> condition) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "nothing";
        while (Instant.now().isBefore(deadline)) {
            try {
                TlsClient.Response response = client(tenant).send(method, path, headers, body);
                if (condition.test(response)) {
                    return response;
                }
                last = response.status() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Http.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError(method + " " + path + " through Caddy not as expected after " + timeout + ": " + last
                + "; see " + log);
    }

    /** The error entries Caddy logged: requests it could not complete (502, 503, ...). */
    List<String> errorLogLines() {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains("\"logger\":\"http.log.error\"")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
