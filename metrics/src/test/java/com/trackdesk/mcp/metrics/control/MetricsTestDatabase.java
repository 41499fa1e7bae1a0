package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** A real H2 file database in a test's temporary folder, opened the way the server opens it. */
final class MetricsTestDatabase {

    private MetricsTestDatabase() {
    }

    static MetricsOptions options(Path dir) {
        return options("jdbc:h2:file:" + dir.resolve("metrics").toAbsolutePath(), TenantMode.HASHED, false);
    }

    static MetricsOptions options(String url, TenantMode mode, boolean storeQueries) {
        return new MetricsOptions(url, "sa", "", mode, Optional.empty(), storeQueries, 30, 10_000);
    }

    static CallMetric call(Instant at, String tenant, String operationId, Outcome outcome, long latencyMicros) {
        return new CallMetric(at, tenant, "execute", Optional.of(operationId), outcome,
                outcome == Outcome.OK ? 200 : 500, latencyMicros, 1234, Optional.empty(), false, Optional.empty());
    }

    static CallMetric search(Instant at, String tenant, String query, int hits) {
        return new CallMetric(at, tenant, "search", Optional.of("listAffiliates"), Outcome.OK, 0, 800, 456,
                Optional.of(hits), false, Optional.of(query));
    }

    /** Runs one SQL query on its own connection and returns the first column of the first row. */
    static Object queryOne(MetricsOptions options, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.databaseUrl(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getObject(1) : null;
        }
    }

    /** A COUNT or SUM, whatever numeric type the database answers with. */
    static long count(MetricsOptions options, String sql) throws SQLException {
        Object value = queryOne(options, sql);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static void execute(MetricsOptions options, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.databaseUrl(), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
