package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.ResourceLocalMetricsDatabase;
import com.trackdesk.mcp.metrics.control.MetricsWriter;
import com.trackdesk.mcp.metrics.control.RetentionPurge;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.Summary;
import com.trackdesk.mcp.testsupport.database.ThrowawayPostgresql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static com.trackdesk.mcp.reporting.control.ReportingTest.execute;
import static com.trackdesk.mcp.reporting.control.ReportingTest.search;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same schema, writes and queries on PostgreSQL, on a server of its own that the test starts from the OS
 * package's binaries ({@link ThrowawayPostgresql}; skipped without them, a failure under {@code CI=true}).
 * Another server can be given with {@code -Dmetrics.postgres.url=jdbc:postgresql://127.0.0.1:5432/metrics
 * -Dmetrics.postgres.user=mcp -Dmetrics.postgres.password=...} (the test writes into that database).
 */
class PostgresqlReportingTest {

    @RegisterExtension
    static final ThrowawayPostgresql POSTGRES = new ThrowawayPostgresql();

    @Test
    void callsAreMigratedWrittenRolledUpAndSummarizedOnPostgresql() {
        MetricsOptions options = new MetricsOptions(POSTGRES.url(), POSTGRES.user(), POSTGRES.password(),
                TenantMode.HASHED, Optional.empty(), true, 30, 1000, "pg-instance");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResourceLocalMetricsDatabase database = new ResourceLocalMetricsDatabase(options);
        try {
            assertThat(database.open()).as(database.lastFailure()).isTrue();
            MetricsWriter writer = new MetricsWriter(database, options, Clock.systemUTC());
            MetricsFilter window = new MetricsFilter(now.minus(Duration.ofHours(1)), now.plusSeconds(60), Optional.empty());
            long before = SummaryCalculator.summarize(window, new RollupReader(database, options).operationSlices(window), 0).calls();

            writer.write(new WriteBatch(List.of(execute(now.minusSeconds(30), "acme", "listTags", Outcome.OK, 200, 1_000),
                    execute(now.minusSeconds(20), "acme", "getTier", Outcome.UPSTREAM_5XX, 502, 9_000),
                    search(now.minusSeconds(10), "acme", "refund policy", 0)), 3, Optional.empty()));
            writer.write(new WriteBatch(List.of(execute(now.minusSeconds(5), "acme", "listTags", Outcome.OK, 200, 1_000)),
                    0, Optional.empty()));

            RollupReader reader = new RollupReader(database, options);
            Summary summary = SummaryCalculator.summarize(window, reader.operationSlices(window), reader.lostCalls(window));
            assertThat(summary.calls() - before).isEqualTo(4);
            assertThat(summary.lostCalls()).isGreaterThanOrEqualTo(3);
            assertThat(new SearchQualityQuery(database, options).quality(window, reader.operationSlices(window), 10)
                    .poorSearches()).extracting(s -> s.queryText()).contains("refund policy");
            assertThat(TenantRanking.rank(reader.tenantSlices(window), 10)).isNotEmpty();
            assertThat(new InstanceShares(database, options).byInstance(window))
                    .extracting(share -> share.name()).contains("pg-instance");
            assertThat(new RetentionPurge(database, 30, Clock.systemUTC()).purge()).isGreaterThanOrEqualTo(0);
        } finally {
            database.close();
        }
    }
}
