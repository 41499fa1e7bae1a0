package com.trackdesk.mcp.deploy;

import com.trackdesk.mcp.testsupport.http.Http;
import com.trackdesk.mcp.testsupport.http.ServerStart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Payara Micro process of the built application (mcp-web.war + admin-ui.war), as a cluster member. */
final class MicroInstance {

    final String name;
    final int httpPort;
    final int dataGridPort;
    final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    MicroInstance(String name, int httpPort, int dataGridPort, Path log, List<String> command,
                  Map<String, String> environment) {
        this.name = name;
        this.httpPort = httpPort;
        this.dataGridPort = dataGridPort;
        this.log = log;
        this.command = command;
        this.environment = environment;
    }

    /** The java command line for Payara Micro with the application and the cluster options. */
    static List<String> command(String name, int httpPort, int dataGridPort, String clusterName, String members,
                                long shutdownGraceMillis) {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                // Hazelcast must not stop on its own at SIGTERM: calls in flight during the shutdown grace use it
                "-Dhazelcast.shutdownhook.enabled=false", "-jar",
                System.getProperty("payara.microJar"),
                "--name", name,
                "--port", String.valueOf(httpPort),
                // clustered through the Hazelcast data grid: fixed member list on loopback, own cluster name
                "--clustername", clusterName,
                "--clustermode", "tcpip:" + members,
                "--startport", String.valueOf(dataGridPort),
                "--interfaces", "127.0.0.1",
                "--nohostaware",
                "--disablephonehome",
                "--shutdowngrace", String.valueOf(shutdownGraceMillis),
                // the same pre-boot commands as docker-compose.yml (scheme from X-Forwarded-Proto)
                "--prebootcommandfile", Path.of(System.getProperty("sandbox.dir")).resolveSibling("deploy")
                        .resolve("payara-micro/preboot-commands.asadmin").toString(),
                "--deploy", System.getProperty("mcp.war")));
        String adminWar = System.getProperty("admin.war");
        if (adminWar != null && Files.exists(Path.of(adminWar))) {
            line.addAll(List.of("--deploy", adminWar));
        }
        return line;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    URI mcp() {
        return base().resolve("mcp");
    }

    void start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro " + name, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits for /health/ready to answer 200. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base().resolve("health/ready")).timeout(Duration.ofSeconds(20)).build();
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        ServerStart.await(process, name, log, timeout,
                () -> http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    /** Waits for a log line holding both texts. */
    void awaitLog(String text, String alsoText, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (logText().lines().anyMatch(line -> line.contains(text) && line.contains(alsoText))) {
                return;
            }
            if (!alive()) {
                throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            }
            Http.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " never logged '" + text + "…" + alsoText + "'; see " + log);
    }

    /** Writes a thread dump (jcmd Thread.print) to the file; for failure reports, so it never throws. */
    void threadDump(Path file) {
        if (process == null || !process.isAlive()) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no dump then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as docker stop or an orchestrator sends it. */
    void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for the process to end; true if it did within the timeout. */
    boolean awaitExit(Duration timeout) {
        try {
            return process == null || process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops it whatever state it is in: SIGTERM, then SIGKILL after the timeout. */
    void stop(Duration timeout) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(timeout)) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
