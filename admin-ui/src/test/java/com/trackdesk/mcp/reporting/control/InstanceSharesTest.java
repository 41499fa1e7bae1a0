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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.trackdesk.mcp.reporting.control.ReportingTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances writing into one database: the console tells which instance served how many calls. */
class InstanceSharesTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    final List<ResourceLocalMetricsDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ResourceLocalMetricsDatabase::close);
    }

    @Test
    void eachCallIsCountedForTheInstanceThatServedItBusiestFirstWithItsFailures() {
        write("mcp-1", execute(T0, "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0, "acme", "listTags", Outcome.UPSTREAM_5XX, 502, 1_000),
                execute(T0, "globex", "listTags", Outcome.OK, 200, 1_000));
        write("mcp-2", execute(T0, "acme", "listTags", Outcome.OK, 200, 1_000));
        write("", execute(T0, "acme", "listTags", Outcome.OK, 200, 1_000));

        MetricsOptions options = options("");
        InstanceShares shares = new InstanceShares(database(options), options);
        List<NamedCount> all = shares.byInstance(new MetricsFilter(T0.minusSeconds(60), T0.plusSeconds(60), Optional.empty()));

        assertThat(all).first().isEqualTo(new NamedCount("mcp-1", 3, 1));
        assertThat(all).containsExactlyInAnyOrder(new NamedCount("mcp-1", 3, 1), new NamedCount("mcp-2", 1, 0),
                new NamedCount("unknown", 1, 0));
        assertThat(shares.byInstance(new MetricsFilter(T0.minusSeconds(60), T0.plusSeconds(60), Optional.of("globex"))))
                .containsExactly(new NamedCount("mcp-1", 1, 0));
        assertThat(shares.byInstance(new MetricsFilter(T0.plusSeconds(3600), T0.plusSeconds(7200), Optional.empty())))
                .isEmpty();
    }

    private void write(String instance, CallMetric... calls) {
        MetricsOptions options = options(instance);
        new MetricsWriter(database(options), options, Clock.fixed(T0, ZoneOffset.UTC))
                .write(new WriteBatch(List.of(calls), 0, Optional.empty()));
    }

    private ResourceLocalMetricsDatabase database(MetricsOptions options) {
        ResourceLocalMetricsDatabase database = new ResourceLocalMetricsDatabase(options);
        opened.add(database);
        return database;
    }

    private MetricsOptions options(String instance) {
        return new MetricsOptions("jdbc:h2:file:" + dir.resolve("metrics") + ";AUTO_SERVER=TRUE", "sa", "",
                TenantMode.HASHED, Optional.of("fixed-salt-for-the-test"), false, 30, 1000, instance);
    }
}
