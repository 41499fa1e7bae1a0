package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.ResourceLocalMetricsDatabase;
import com.trackdesk.mcp.metrics.control.Rollups;
import com.trackdesk.mcp.metrics.control.TenantLabels;
import com.trackdesk.mcp.metrics.entity.CallRecord;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.RollupKey;
import com.trackdesk.mcp.metrics.entity.RollupTotals;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.Summary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A week of one million calls (20 tenants, 40 operations, realistic outcomes and latencies) in a real H2
 * file: the dashboard's questions are answered from the rollups, so they stay fast. The calls are added up
 * by the recorder's own {@link Rollups} and stored with plain JDBC batches: the recorder's transactional
 * upserts are covered by the recording tests and would make this set-up take many minutes. Timings are
 * printed, not asserted: this machine is shared.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MillionCallsTest {

    static final int CALLS = 1_000_000;
    static final Instant END = Instant.parse("2026-03-09T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(7));

    @TempDir
    static Path dir;

    MetricsOptions options;
    ResourceLocalMetricsDatabase database;
    RollupReader reader;

    @BeforeAll
    void storeAWeekOfCalls() throws SQLException {
        options = new MetricsOptions("jdbc:h2:file:" + dir.resolve("metrics"), "sa", "", TenantMode.HASHED,
                Optional.empty(), false, 30, 10_000);
        database = new ResourceLocalMetricsDatabase(options);
        reader = new RollupReader(database, options);
        assertThat(database.open()).isTrue();
        long started = System.nanoTime();
        TenantLabels labels = new TenantLabels(TenantMode.HASHED, "test salt".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(42);
        long stepNanos = Duration.between(START, END).toNanos() / CALLS;
        List<CallRecord> records = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            records.add(record(random, START.plusNanos(i * stepNanos), labels));
        }
        Map<RollupKey, RollupTotals> rollups = Rollups.of(records);
        try (Connection connection = DriverManager.getConnection(options.databaseUrl(), "sa", "")) {
            connection.setAutoCommit(false);
            insertCalls(connection, records);
            insertRollups(connection, rollups);
        }
        System.out.printf("[1M] stored %,d calls and %,d rollup rows in %.1f s%n", CALLS, rollups.size(),
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void theWeeksSummaryCountsEveryCallFromTheRollups() throws SQLException {
        MetricsFilter week = new MetricsFilter(START, END, Optional.empty());

        MetricsFilter sixDays = new MetricsFilter(START.plus(Duration.ofDays(1)), END, Optional.empty());
        summarize(sixDays);
        Summary summary = timed("summary, 7 days", () -> summarize(week));

        assertThat(summary.calls()).isEqualTo(CALLS);
        assertThat(summary.byOperation()).hasSize(40);
        assertThat(summary.latency().p50Micros()).isBetween(50_000L, 130_000L);
        System.out.printf("[1M] rollup rows: %,d minute + %,d hour per tenant; %,d minute + %,d hour for all tenants%n",
                count("SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 1 AND tenant <> '*'"),
                count("SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 60 AND tenant <> '*'"),
                count("SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 1 AND tenant = '*'"),
                count("SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 60 AND tenant = '*'"));
        timed("the same totals from the raw rows (for comparison)", () -> count(
                "SELECT COUNT(*) FROM (SELECT tool, operation_id, outcome, COUNT(*) FROM call_metric"
                        + " WHERE called_at >= TIMESTAMP '2026-03-02 00:00:00' GROUP BY tool, operation_id, outcome)"));
    }

    @Test
    void shorterWindowsTenantFiltersAndChartsStayFastToo() {
        String tenant3 = new TenantLabels(TenantMode.HASHED, "test salt".getBytes(StandardCharsets.UTF_8)).labelOf("tenant-3");
        MetricsFilter day = new MetricsFilter(END.minus(Duration.ofHours(24)).plusSeconds(1234), END, Optional.empty());
        MetricsFilter hour = new MetricsFilter(END.minus(Duration.ofHours(1)), END, Optional.empty());
        MetricsFilter oneTenant = new MetricsFilter(START, END, Optional.of(tenant3));
        MetricsFilter week = new MetricsFilter(START, END, Optional.empty());
        // warm the query kinds with other windows: H2 would answer a repeated identical query from its cache
        MetricsFilter other = new MetricsFilter(START.plus(Duration.ofDays(1)).plusSeconds(777), END.minusSeconds(3600), Optional.empty());
        summarize(other);
        summarize(new MetricsFilter(other.since(), other.until(), Optional.of("tenant-7")));
        TimeSeriesBuilder.build(other, reader.timeSlices(other));
        reader.tenantSlices(other);

        Summary daySummary = timed("summary, 24 hours (ragged ends)", () -> summarize(day));
        Summary hourSummary = timed("summary, last hour", () -> summarize(hour));
        Summary tenantSummary = timed("summary, 7 days, one tenant", () -> summarize(oneTenant));
        int points = timed("time series, 7 days", () -> TimeSeriesBuilder.build(week, reader.timeSlices(week)).points().size());
        int tenants = timed("tenants, 7 days", () -> TenantRanking.rank(reader.tenantSlices(week), 100).size());

        assertThat(daySummary.calls()).isBetween(CALLS / 7 - 2_000L, CALLS / 7 + 2_000L);
        assertThat(hourSummary.calls()).isBetween(CALLS / 168 - 100L, CALLS / 168 + 100L);
        assertThat(tenantSummary.calls()).isBetween(1_000L, (long) CALLS);
        assertThat(points).isEqualTo(168);
        assertThat(tenants).isEqualTo(20);
    }

    Summary summarize(MetricsFilter filter) {
        return SummaryCalculator.summarize(filter, reader.operationSlices(filter), reader.lostCalls(filter));
    }

    static <T> T timed(String what, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        System.out.printf("[1M] %s: %.0f ms%n", what, (System.nanoTime() - started) / 1e6);
        return result;
    }

    long count(String sql) {
        try (Connection connection = DriverManager.getConnection(options.databaseUrl(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CallRecord record(Random random, Instant at, TenantLabels labels) {
        String tenant = labels.labelOf("tenant-" + (int) (20 * Math.pow(random.nextDouble(), 2)));
        String operation = "operation" + (int) (40 * Math.pow(random.nextDouble(), 1.5));
        boolean search = random.nextDouble() < 0.4;
        double roll = random.nextDouble();
        Outcome outcome = search || roll < 0.92 ? Outcome.OK : roll < 0.95 ? Outcome.UPSTREAM_4XX
                : roll < 0.97 ? Outcome.UPSTREAM_5XX : roll < 0.98 ? Outcome.TIMEOUT
                : roll < 0.99 ? Outcome.CLIENT_ERROR : Outcome.NETWORK_ERROR;
        int status = switch (outcome) {
            case OK -> search ? 0 : 200;
            case UPSTREAM_4XX -> random.nextBoolean() ? 404 : 422;
            case UPSTREAM_5XX -> 502;
            default -> 0;
        };
        long latency = (long) (80_000 * Math.exp(0.8 * random.nextGaussian()));
        return new CallRecord(LocalDateTime.ofInstant(at, ZoneOffset.UTC), tenant, search ? "search" : "execute",
                operation, outcome, status, latency, 200 + random.nextInt(5_000),
                search ? random.nextInt(11) : null, random.nextDouble() < 0.02, null);
    }

    static void insertCalls(Connection connection, List<CallRecord> records) throws SQLException {
        insertInBatches(connection, "INSERT INTO call_metric (id, called_at, tenant, tool,"
                + " operation_id, outcome, http_status, latency_micros, response_bytes, result_count, truncated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records, (insert, id, record) -> {
            insert.setLong(1, id);
            insert.setObject(2, record.calledAt());
            insert.setString(3, record.tenant());
            insert.setString(4, record.tool());
            insert.setString(5, record.operationId());
            insert.setString(6, record.outcome().name());
            insert.setInt(7, record.httpStatus());
            insert.setLong(8, record.latencyMicros());
            insert.setLong(9, record.responseBytes());
            insert.setObject(10, record.resultCount());
            insert.setBoolean(11, record.truncated());
        });
    }

    static void insertRollups(Connection connection, Map<RollupKey, RollupTotals> rollups) throws SQLException {
        insertInBatches(connection, "INSERT INTO call_rollup (id, resolution_minutes,"
                + " bucket_start, tenant, tool, operation_id, outcome, http_status, latency_bucket, calls,"
                + " latency_micros_total, response_bytes_total, truncated_calls, zero_result_calls, low_result_calls,"
                + " row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", rollups.entrySet(), (insert, id, rollup) -> {
            RollupKey key = rollup.getKey();
            RollupTotals totals = rollup.getValue();
            insert.setLong(1, id);
            insert.setInt(2, key.resolutionMinutes());
            insert.setObject(3, key.bucketStart());
            insert.setString(4, key.tenant());
            insert.setString(5, key.tool());
            insert.setString(6, key.operationId());
            insert.setString(7, key.outcome().name());
            insert.setInt(8, key.httpStatus());
            insert.setInt(9, key.latencyBucket());
            insert.setLong(10, totals.calls());
            insert.setLong(11, totals.latencyMicros());
            insert.setLong(12, totals.responseBytes());
            insert.setLong(13, totals.truncatedCalls());
            insert.setLong(14, totals.zeroResultCalls());
            insert.setLong(15, totals.lowResultCalls());
        });
    }

    /** Sets one row's parameters; ids count from 1 in insertion order. */
    interface RowBinder<T> {
        void bind(PreparedStatement insert, long id, T row) throws SQLException;
    }

    /** Plain JDBC batches of 10,000 rows, committed per batch: a million rows through JPA would take minutes. */
    private static <T> void insertInBatches(Connection connection, String sql, Iterable<T> rows, RowBinder<T> binder)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            long id = 0;
            for (T row : rows) {
                binder.bind(insert, ++id, row);
                insert.addBatch();
                if (id % 10_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
