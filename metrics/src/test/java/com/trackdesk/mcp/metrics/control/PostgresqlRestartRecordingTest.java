package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.testsupport.time.ManualClock;

import com.trackdesk.mcp.testsupport.database.ThrowawayPostgresql;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.call;
import static org.assertj.core.api.Assertions.assertThat;

/** A PostgreSQL crash and restart while calls keep coming: every call is written once it is back, none lost. */
class PostgresqlRestartRecordingTest {

    @RegisterExtension
    static final ThrowawayPostgresql POSTGRES = new ThrowawayPostgresql();

    static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void callsRecordedWhilePostgresqlIsDownAreWrittenAfterItsRestartAndNoneIsLost() throws Exception {
        MetricsOptions options = new MetricsOptions(POSTGRES.url(), POSTGRES.user(), POSTGRES.password(),
                TenantMode.HASHED, Optional.empty(), false, 30, 1000);
        ManualClock clock = new ManualClock(NOON);
        ResourceLocalMetricsDatabase database = new ResourceLocalMetricsDatabase(options, clock);
        RecordingPipeline pipeline = new RecordingPipeline(1000, database, new MetricsWriter(database, options, clock), clock);
        try {
            offer(pipeline, 10);
            pipeline.drain();
            assertThat(pipeline.snapshot().writtenCalls()).isEqualTo(10);

            POSTGRES.kill();
            offer(pipeline, 20);
            pipeline.drain();
            assertThat(pipeline.snapshot().queuedCalls()).as("kept while the database is down").isEqualTo(20);

            POSTGRES.startAgain();
            offer(pipeline, 5);
            clock.advance(Duration.ofSeconds(6));
            pipeline.drain();

            assertThat(pipeline.snapshot().lostCalls()).isZero();
            assertThat(pipeline.snapshot().writtenCalls()).isEqualTo(35);
            assertThat(rows("SELECT COUNT(*) FROM call_metric")).isEqualTo(35);
            assertThat(rows("SELECT COUNT(*) FROM recording_loss")).isZero();
        } finally {
            database.close();
        }
    }

    private static void offer(RecordingPipeline pipeline, int calls) {
        for (int i = 0; i < calls; i++) {
            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
        }
    }

    private static long rows(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES.url(), POSTGRES.user(), POSTGRES.password());
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
