package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.ResourceLocalMetricsDatabase;
import com.trackdesk.mcp.metrics.control.MetricsWriter;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's "calls per MCP protocol revision", read back from a real H2 file database. */
class ProtocolRevisionCountsTest {

    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path dir;

    ResourceLocalMetricsDatabase database;
    MetricsWriter writer;
    ProtocolRevisionCounts counts;

    @BeforeEach
    void openDatabase() {
        MetricsOptions options = new MetricsOptions("jdbc:h2:file:" + dir.resolve("metrics"), "sa", "", TenantMode.HASHED,
                Optional.empty(), false, 30, 1000);
        database = new ResourceLocalMetricsDatabase(options);
        writer = new MetricsWriter(database, options, Clock.fixed(T0, ZoneOffset.UTC));
        counts = new ProtocolRevisionCounts(database, options);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    static CallMetric call(long second, String tenant, Outcome outcome, String revision) {
        return new CallMetric(T0.plusSeconds(second), tenant, "execute", Optional.of("listTags"), outcome,
                outcome == Outcome.OK ? 200 : 503, 1_000, 100, Optional.empty(), false, Optional.empty())
                .withProtocolRevision(Optional.ofNullable(revision));
    }

    @Test
    void callsAreCountedPerRevisionNewestFirstWithUnknownLast() {
        writer.write(new WriteBatch(List.of(
                call(1, "acme", Outcome.OK, "2025-06-18"),
                call(2, "acme", Outcome.OK, "2026-07-28"),
                call(3, "acme", Outcome.UPSTREAM_5XX, "2026-07-28"),
                call(4, "globex", Outcome.OK, "2025-11-25"),
                call(5, "acme", Outcome.OK, null)), 0, Optional.empty()));

        List<NamedCount> all = counts.count(new MetricsFilter(T0, T0.plus(Duration.ofHours(1)), Optional.empty()));

        assertThat(all).containsExactly(new NamedCount("2026-07-28", 2, 1), new NamedCount("2025-11-25", 1, 0),
                new NamedCount("2025-06-18", 1, 0), new NamedCount("unknown", 1, 0));
    }

    @Test
    void theTenantFilterAndTheTimeWindowApply() {
        writer.write(new WriteBatch(List.of(
                call(1, "acme", Outcome.OK, "2026-07-28"),
                call(2, "globex", Outcome.OK, "2025-11-25"),
                call(7200, "acme", Outcome.OK, "2025-06-18")), 0, Optional.empty()));

        assertThat(counts.count(new MetricsFilter(T0, T0.plus(Duration.ofHours(1)), Optional.of("acme"))))
                .containsExactly(new NamedCount("2026-07-28", 1, 0));
    }
}
