package com.trackdesk.mcp.deploy;

import com.trackdesk.mcp.testsupport.http.Http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The shared metrics database of the cluster test: an H2 TCP server in its own process, with the very
 * H2 that Payara Micro bundles (taken out of the Payara Micro jar, so no H2 version of our own is added
 * anywhere). Both instances reach it at {@code jdbc:h2:tcp://127.0.0.1:<port>/metrics}; the test stops and
 * starts it to make the database unreachable.
 */
final class H2Server {

    private final Path jar;
    private final Path baseDir;
    private final Path log;
    final int port;
    private Process process;
    private URLClassLoader driverLoader;

    H2Server(Path workDir, int port) {
        this.port = port;
        this.baseDir = workDir.resolve("h2-data");
        this.log = workDir.resolve("h2-server.log");
        this.jar = workDir.resolve("h2-from-payara-micro.jar");
        try {
            Files.createDirectories(baseDir);
            try (JarFile micro = new JarFile(System.getProperty("payara.microJar"));
                 InputStream h2 = micro.getInputStream(micro.getEntry("MICRO-INF/runtime/h2.jar"))) {
                Files.copy(h2, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/metrics";
    }

    void start() {
        try {
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", jar.toString(), "org.h2.tools.Server", "-tcp", "-tcpPort", String.valueOf(port),
                    "-ifNotExists", "-baseDir", baseDir.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Http.sleep(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("H2 server did not listen on " + port + "; see " + log);
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One number from the shared database, e.g. {@code select count(*) from call_metric}. */
    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One value as text, for diagnostics. */
    String text(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return String.valueOf(rows.getObject(1));
        } catch (SQLException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private Connection connect() throws SQLException {
        try {
            if (driverLoader == null) {
                driverLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            }
            Driver driver = (Driver) driverLoader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.setProperty("user", "sa");
            credentials.setProperty("password", "");
            return driver.connect(url(), credentials);
        } catch (ReflectiveOperationException | IOException e) {
            throw new SQLException("cannot load H2 from " + jar, e);
        }
    }
}
