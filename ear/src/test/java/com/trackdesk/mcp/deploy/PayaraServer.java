package com.trackdesk.mcp.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A full Payara Server driven the way an administrator does it: {@code asadmin create-domain} with a port
 * base (so every port of the domain is free and none is a default one), {@code start-domain},
 * {@code deploy}, {@code stop-domain}. The domain lives under target/ and is created fresh per run.
 * {@link #close()} stops it whatever happened before, killing it if it does not stop.
 */
final class PayaraServer implements AutoCloseable {

    /** Offsets from the port base that {@code create-domain --portbase} hands out. */
    static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    static final int ADMIN_OFFSET = 48;
    static final int HTTP_OFFSET = 80;
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final Path domains;
    private final String domain;
    private final Path log;
    private int portBase;
    private boolean started;

    PayaraServer(Path home, Path domains, String domain, Path log) {
        this.home = home;
        this.domains = domains;
        this.domain = domain;
        this.log = log;
    }

    int httpPort() {
        return portBase + HTTP_OFFSET;
    }

    int adminPort() {
        return portBase + ADMIN_OFFSET;
    }

    Path serverLog() {
        return domains.resolve(domain).resolve("logs/server.log");
    }

    /** Creates the domain on a free port base below the ephemeral range (so no client socket takes one). */
    void create() {
        deleteRecursively(domains.resolve(domain));
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(150, 320); // 15000..31900
            if (!allFree(base)) {
                continue;
            }
            try {
                asadminLocal("create-domain", "--domaindir", domains.toString(), "--portbase", String.valueOf(base),
                        "--nopassword=true", "--checkports=true", domain);
                portBase = base;
                return;
            } catch (IllegalStateException e) {
                last = e;
                deleteRecursively(domains.resolve(domain));
            }
        }
        throw last != null ? last : new IllegalStateException("no free port base found");
    }

    /** Starts the domain; the server process inherits {@code environment} (MicroProfile Config reads it). */
    void start(Map<String, String> environment) {
        started = true;
        run(environment, "start-domain", "--domaindir", domains.toString(), domain);
    }

    void asadmin(String... command) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(adminPort()), "--interactive=false"));
        args.addAll(List.of(command));
        run(Map.of(), args.toArray(String[]::new));
    }

    void deploy(Path archive, String name) {
        asadmin("deploy", "--name", name, "--force=true", archive.toString());
    }

    @Override
    public void close() {
        if (!started) {
            return;
        }
        try {
            asadminLocal("stop-domain", "--domaindir", domains.toString(), domain);
        } catch (RuntimeException e) {
            append("stop-domain failed (" + e.getMessage() + "); killing the domain");
            try {
                asadminLocal("stop-domain", "--domaindir", domains.toString(), "--kill=true", domain);
            } catch (RuntimeException ignored) {
                // last resort below
            }
        }
        killLeftover();
        started = false;
    }

    private void killLeftover() {
        Path pidFile = domains.resolve(domain).resolve("config/pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(process -> {
                    append("server process " + pid + " still alive after stop-domain: killing it");
                    process.destroyForcibly();
                });
            }
        } catch (IOException | NumberFormatException e) {
            append("could not read " + pidFile + ": " + e);
        }
    }

    private void asadminLocal(String... command) {
        run(Map.of(), command);
    }

    private void run(Map<String, String> environment, String... command) {
        List<String> line = new ArrayList<>();
        line.add(home.resolve("bin/asadmin").toString());
        line.addAll(List.of(command));
        append("$ " + String.join(" ", line));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + command[0] + " did not finish in " + COMMAND_TIMEOUT
                        + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", command) + " failed (exit "
                        + process.exitValue() + "); see " + log + " and " + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void append(String text) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, text + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(base + offset));
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
