package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.DatabaseReachability;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

/**
 * Opens one plain JDBC connection to the metrics database and asks it whether it is valid, bounded in time
 * so that a readiness probe never hangs on a database that does not answer. Independent of the persistence
 * unit, which may still look open although the database behind it has gone.
 */
public class DatabaseReachabilityProbe {

    static final int TIMEOUT_SECONDS = 3;

    private final MetricsOptions options;
    private final Clock clock;

    public DatabaseReachabilityProbe(MetricsOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    public DatabaseReachability probe() {
        try (Connection connection = connect()) {
            if (connection.isValid(TIMEOUT_SECONDS)) {
                return DatabaseReachability.reachable(connection.getMetaData().getDatabaseProductName(), clock.instant());
            }
            return DatabaseReachability.unreachable("connection is not valid", clock.instant());
        } catch (SQLException | RuntimeException | LinkageError e) {
            return DatabaseReachability.unreachable(MetricsDatabase.describe(e), clock.instant());
        }
    }

    private Connection connect() throws SQLException {
        String url = options.databaseUrl();
        Properties properties = new Properties();
        properties.setProperty("user", options.databaseUser());
        properties.setProperty("password", options.databasePassword());
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        }
        return DatabaseDriver.connect(url, properties);
    }
}
