package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.CatalogLoad;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.call;
import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

class RetentionPurgeTest {

    static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @TempDir
    Path dir;

    ResourceLocalMetricsDatabase database;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void callsRollupsAndReportsOlderThanTheRetentionAreDeletedButTheCurrentCatalogStays() throws Exception {
        MetricsOptions options = MetricsTestDatabase.options(dir);
        database = new ResourceLocalMetricsDatabase(options);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MetricsWriter writer = new MetricsWriter(database, options, Clock.fixed(NOW.minus(Duration.ofDays(40)), ZoneOffset.UTC));
        writer.write(new WriteBatch(List.of(call(NOW.minus(Duration.ofDays(31)), "acme", "old", Outcome.OK, 10),
                call(NOW.minus(Duration.ofDays(29)), "acme", "recent", Outcome.OK, 10)), 5,
                Optional.of(new CatalogLoad(LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(40)), ZoneOffset.UTC), "spec.yaml", 70))));

        int deleted = new RetentionPurge(database, 30, clock).purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(MetricsTestDatabase.queryOne(options, "SELECT operation_id FROM call_metric")).isEqualTo("recent");
        assertThat(count(options, "SELECT COUNT(*) FROM call_rollup WHERE operation_id = 'old'")).isZero();
        assertThat(count(options, "SELECT COUNT(*) FROM call_rollup WHERE operation_id = 'recent'"))
                .as("minute and hour, for the tenant and for all tenants").isEqualTo(4);
        assertThat(count(options, "SELECT COUNT(*) FROM recording_loss")).as("reported 40 days ago").isZero();
        assertThat(count(options, "SELECT COUNT(*) FROM catalog_load")).as("the newest catalog report stays").isEqualTo(1);
    }
}
