package com.trackdesk.mcp.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens one connection to the metrics database and asks it whether it is valid. Results are kept for a
 * short while so that frequent probes of a load balancer or orchestrator do not hammer the database, and
 * connection attempts are bounded so that a probe never hangs on a database that does not answer.
 */
@ApplicationScoped
public class DatabaseProbe {

    /** The class whose presence means "this application records metrics" (the admin-ui metrics jar). */
    public static final String RECORDER_CLASS = "com.trackdesk.mcp.metrics.boundary.CallRecorder";
    static final Duration KEEP_RESULT = Duration.ofSeconds(2);
    static final int TIMEOUT_SECONDS = 3;

    public record Result(boolean checked, boolean reachable, String detail, Instant at) {
    }

    @Inject
    Config config;

    Clock clock = Clock.systemUTC();
    private DatabaseSettings settings;
    private Result last;

    public synchronized DatabaseSettings settings() {
        if (settings == null) {
            settings = DatabaseSettings.read(key -> config.getOptionalValue(key, String.class));
        }
        return settings;
    }

    /** Whether readiness depends on the database, per {@code MCP_HEALTH_DATABASE}. */
    public boolean enabled() {
        return switch (settings().mode()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> recorderPresent();
        };
    }

    public synchronized Result check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.at().plus(KEEP_RESULT))) {
            return last;
        }
        last = probe(now);
        return last;
    }

    private Result probe(Instant now) {
        DatabaseSettings db = settings();
        try (Connection connection = connect(db)) {
            if (connection.isValid(TIMEOUT_SECONDS)) {
                return new Result(true, true, connection.getMetaData().getDatabaseProductName(), now);
            }
            return new Result(true, false, "connection is not valid", now);
        } catch (SQLException | RuntimeException | ReflectiveOperationException | LinkageError e) {
            return new Result(true, false, rootMessage(e), now);
        }
    }

    private static Connection connect(DatabaseSettings db) throws SQLException, ReflectiveOperationException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password());
        Optional<String> driverClass = Optional.empty();
        if (db.url().startsWith("jdbc:h2:")) {
            driverClass = Optional.of("org.h2.Driver");
        } else if (db.url().startsWith("jdbc:postgresql:")) {
            driverClass = Optional.of("org.postgresql.Driver");
            properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        }
        if (driverClass.isEmpty()) {
            return DriverManager.getConnection(db.url(), properties);
        }
        // the driver as this application sees it (Payara's bundled H2, or a driver in WEB-INF/lib),
        // without DriverManager, which only hands out drivers registered by the caller's class loader
        Driver driver = (Driver) Class.forName(driverClass.get(), true, loader())
                .getDeclaredConstructor().newInstance();
        Connection connection = driver.connect(db.url(), properties);
        if (connection == null) {
            throw new SQLException(driverClass.get() + " does not accept " + db.safeUrl());
        }
        return connection;
    }

    private static boolean recorderPresent() {
        try {
            Class.forName(RECORDER_CLASS, false, loader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : DatabaseProbe.class.getClassLoader();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
