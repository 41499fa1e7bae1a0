package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.RedactedLocation;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The JDBC driver class of the databases the metrics are kept in. Named explicitly because
 * {@code DriverManager} only hands out drivers registered by the caller's own class loader, which in an
 * application server is rarely the one that holds the driver.
 */
final class DatabaseDriver {

    private DatabaseDriver() {
    }

    static Optional<String> classFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.of("org.h2.Driver");
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Optional.of("org.postgresql.Driver");
        }
        return Optional.empty();
    }

    /** One new physical connection, through the driver that {@link #classFor} names (else through DriverManager). */
    static Connection connect(String url, Properties properties) throws SQLException {
        Optional<String> driverClass = classFor(url);
        if (driverClass.isEmpty()) {
            // another driver's own URL parameters bound it; DriverManager's login timeout is JVM-wide, not ours to set
            return DriverManager.getConnection(url, properties);
        }
        Driver driver;
        try {
            driver = (Driver) Class.forName(driverClass.get(), true, DatabaseDriver.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("JDBC driver " + driverClass.get() + " is not available", "08001", e);
        }
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException(driverClass.get() + " does not accept " + RedactedLocation.of(url), "08001");
        }
        return connection;
    }
}
