package com.trackdesk.mcp.metrics.control;

import java.util.Optional;

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
}
