package com.trackdesk.mcp.testsupport.database;

import com.trackdesk.mcp.testsupport.net.FreePorts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a test class: {@code initdb} into a fresh folder under {@code target/},
 * started with {@code pg_ctl} on a free loopback port, removed afterwards. Uses the binaries of the OS package
 * ({@code postgresql}; {@code ./test} installs it). As root it runs the server as the {@code postgres} user,
 * because PostgreSQL refuses to run as root.
 *
 * <p>Given {@code -Dmetrics.postgres.url=jdbc:postgresql://...} (with {@code .user}, {@code .password}) it
 * uses that server instead; {@code -Dmetrics.postgres.bin=DIR} names the folder of the binaries. When no server can be started the tests are skipped, saying why, except
 * under {@code CI=true}, where that is a failure: a build machine must test PostgreSQL.
 */
public class ThrowawayPostgresql implements BeforeAllCallback, AfterAllCallback {

    private static final String USER = "trackdesk";
    private static final String DATABASE = "metrics";
    private static final long START_TIMEOUT_SECONDS = 180;

    private Path folder;
    private Path binaries;
    private int port;
    private String url;
    private String user = USER;
    private String password = "";

    public String url() { return url; }
    public String user() { return user; }
    public String password() { return password; }

    @Override
    public void beforeAll(ExtensionContext context) {
        String given = System.getProperty("metrics.postgres.url", "");
        if (given.startsWith("jdbc:postgresql:")) {
            url = given;
            user = System.getProperty("metrics.postgres.user", "");
            password = System.getProperty("metrics.postgres.password", "");
            return;
        }
        try {
            start();
        } catch (IOException | SQLException | RuntimeException e) {
            String why = "no PostgreSQL for this test: " + e.getMessage() + logTail();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why, e);
            }
            Assumptions.abort(why + " (install the Debian package postgresql; under CI=true this fails)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (folder == null) {
            return;
        }
        run(60, pgCtl("stop", "-m", "immediate"));
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** Stops the server as a crash would (no shutdown checkpoint); {@link #startAgain()} brings it back. */
    public void kill() throws IOException, InterruptedException {
        run(60, pgCtl("stop", "-m", "immediate"));
    }

    /** Starts the killed server again on the same port, with its data. */
    public void startAgain() throws IOException, InterruptedException {
        run(START_TIMEOUT_SECONDS, pgCtl("start", "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS),
                "-l", folder.resolve("server.log").toString(), "-o", serverOptions()));
    }

    private void start() throws IOException, SQLException, InterruptedException {
        String given = System.getProperty("metrics.postgres.bin", "");
        binaries = (given.isEmpty() ? findBinaries() : Optional.of(Path.of(given)))
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                .orElseThrow(() -> new IllegalStateException(given.isEmpty()
                        ? "initdb not found on PATH nor in /usr/lib/postgresql/*/bin" : "no initdb in " + given));
        Files.createDirectories(Path.of("target"));
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "postgresql-");
        if (asRoot()) {
            run(30, List.of("chown", "postgres:", folder.toString()));
            if (!reachableByServerUser(folder)) {
                // a checkout in a home folder the postgres user cannot enter: the data goes to the temp folder
                Files.delete(folder);
                folder = Files.createTempDirectory("trackdesk-postgresql-");
                run(30, List.of("chown", "postgres:", folder.toString()));
            }
        }
        run(START_TIMEOUT_SECONDS, asServerUser(List.of(binaries.resolve("initdb").toString(), "-D", data().toString(),
                "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")));
        port = FreePorts.any();
        run(START_TIMEOUT_SECONDS, pgCtl("start", "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS),
                "-l", folder.resolve("server.log").toString(), "-o", serverOptions()));
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static boolean reachableByServerUser(Path dir) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-w", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    private String serverOptions() {
        return "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off";
    }

    private Path data() {
        return folder.resolve("data");
    }

    private List<String> pgCtl(String... arguments) {
        List<String> line = new ArrayList<>(List.of(binaries.resolve("pg_ctl").toString(), "-D", data().toString()));
        line.addAll(List.of(arguments));
        return asServerUser(line);
    }

    private static List<String> asServerUser(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> line = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        line.addAll(command);
        return line;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<Path> findBinaries() throws IOException {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path initdb = Path.of(entry, "initdb");
            if (!entry.isEmpty() && Files.isExecutable(initdb)) {
                return Optional.of(initdb.toRealPath().getParent());
            }
        }
        Path packaged = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(packaged)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(packaged)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString())));
        }
    }

    private static int versionNumber(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private void run(long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("postgresql-command", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(command.indexOf("--") + 1) + " did not finish in "
                        + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + Files.readString(output).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String logTail() {
        try {
            Path log = folder == null ? null : folder.resolve("server.log");
            if (log == null || !Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return "; server log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
