package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.control.MetricsWriter;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.Summary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A week of one million calls (20 tenants, 40 operations, realistic outcomes and latencies) written through
 * the recorder's own write path into a real H2 file: the dashboard's questions are answered from the
 * rollups, so they stay fast. Timings are printed, not asserted: this machine is shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MillionCallsTest {

    static final int CALLS = 1_000_000;
    static final Instant END = Instant.parse("2026-03-09T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(7));

    @TempDir
    static Path dir;

    MetricsOptions options;
    MetricsDatabase database;
    RollupReader reader;

    @BeforeAll
    void recordAWeekOfCalls() {
        options = new MetricsOptions("jdbc:h2:file:" + dir.resolve("metrics"), "sa", "", TenantMode.HASHED,
                Optional.empty(), false, 30, 10_000);
        database = new MetricsDatabase(options);
        reader = new RollupReader(database, options);
        MetricsWriter writer = new MetricsWriter(database, options, Clock.fixed(END, ZoneOffset.UTC));
        Random random = new Random(42);
        long stepNanos = Duration.between(START, END).toNanos() / CALLS;
        long started = System.nanoTime();
        List<CallMetric> batch = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            batch.add(call(random, START.plusNanos(i * stepNanos)));
            if (batch.size() == 5_000) {
                writer.write(new WriteBatch(List.copyOf(batch), 0, Optional.empty()));
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[1M] wrote %,d calls with rollups in %.1f s (%,.0f calls/s)%n", CALLS, seconds, CALLS / seconds);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void theWeeksSummaryCountsEveryCallFromTheRollups() throws SQLException {
        MetricsFilter week = new MetricsFilter(START, END, Optional.empty());

        Summary summary = timed("summary, 7 days", () -> SummaryCalculator.summarize(week, reader.operationSlices(week),
                reader.lostCalls(week)));

        assertThat(summary.calls()).isEqualTo(CALLS);
        assertThat(summary.byOperation()).hasSize(40);
        assertThat(summary.latency().p50Micros()).isBetween(50_000L, 130_000L);
        System.out.printf("[1M] rollup rows: %,d minute, %,d hour%n", count("SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 1"),
                count("SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 60"));
        timed("the same totals from the raw rows (for comparison)", () -> count(
                "SELECT COUNT(*) FROM (SELECT tool, operation_id, outcome, COUNT(*) FROM call_metric"
                        + " GROUP BY tool, operation_id, outcome)"));
    }

    @Test
    void shorterWindowsTenantFiltersAndChartsStayFastToo() {
        MetricsFilter day = new MetricsFilter(END.minus(Duration.ofHours(24)).plusSeconds(1234), END, Optional.empty());
        MetricsFilter hour = new MetricsFilter(END.minus(Duration.ofHours(1)), END, Optional.empty());
        MetricsFilter oneTenant = new MetricsFilter(START, END, Optional.of("tenant-3"));
        MetricsFilter week = new MetricsFilter(START, END, Optional.empty());

        Summary daySummary = timed("summary, 24 hours (ragged ends)", () -> SummaryCalculator.summarize(day,
                reader.operationSlices(day), 0));
        Summary hourSummary = timed("summary, last hour", () -> SummaryCalculator.summarize(hour,
                reader.operationSlices(hour), 0));
        Summary tenantSummary = timed("summary, 7 days, one tenant", () -> SummaryCalculator.summarize(oneTenant,
                reader.operationSlices(oneTenant), 0));
        int points = timed("time series, 7 days", () -> TimeSeriesBuilder.build(week, reader.timeSlices(week)).points().size());
        int tenants = timed("tenants, 7 days", () -> TenantRanking.rank(reader.tenantSlices(week), 100).size());

        assertThat(daySummary.calls()).isBetween(CALLS / 7 - 2_000L, CALLS / 7 + 2_000L);
        assertThat(hourSummary.calls()).isBetween(CALLS / 168 - 100L, CALLS / 168 + 100L);
        assertThat(tenantSummary.calls()).isBetween(1_000L, (long) CALLS);
        assertThat(points).isEqualTo(168);
        assertThat(tenants).isEqualTo(20);
    }

    static <T> T timed(String what, Supplier<T> work) {
        work.get(); // warm: the first query of a kind pays for parsing and class loading
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

    static CallMetric call(Random random, Instant at) {
        String tenant = "tenant-" + (int) (20 * Math.pow(random.nextDouble(), 2));
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
        return new CallMetric(at, tenant, search ? "search" : "execute", Optional.of(operation), outcome, status,
                latency, 200 + random.nextInt(5_000), search ? Optional.of(random.nextInt(11)) : Optional.empty(),
                random.nextDouble() < 0.02, Optional.empty());
    }
}
