package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.testsupport.time.ManualClock;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.metrics.entity.RecorderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.h2.tools.Server;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.call;
import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.count;
import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.options;
import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.queryOne;
import static com.trackdesk.mcp.metrics.control.MetricsTestDatabase.search;
import static org.assertj.core.api.Assertions.assertThat;

/** Recording calls into a real H2 file database, migrated by Flyway, through the recorder's pipeline. */
class CallRecordingTest {

    static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path dir;

    final List<ResourceLocalMetricsDatabase> opened = new ArrayList<>();
    final ManualClock clock = new ManualClock(NOON);

    @AfterEach
    void closeDatabases() {
        opened.forEach(ResourceLocalMetricsDatabase::close);
    }

    RecordingPipeline pipeline(MetricsOptions options, int capacity) {
        ResourceLocalMetricsDatabase database = new ResourceLocalMetricsDatabase(options, clock);
        opened.add(database);
        return new RecordingPipeline(capacity, database, new MetricsWriter(database, options, clock), clock);
    }

    @Test
    void aRecordedCallIsStoredWithItsTenantHashedAndNoSearchText() throws Exception {
        MetricsOptions options = options(dir);
        RecordingPipeline pipeline = pipeline(options, 100);

        pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 1500));
        pipeline.offer(search(NOON, "acme", "newest affiliates of acme", 0));
        pipeline.drain();

        assertThat(count(options, "SELECT COUNT(*) FROM call_metric")).isEqualTo(2);
        String tenant = (String) queryOne(options, "SELECT DISTINCT tenant FROM call_metric");
        assertThat(tenant).startsWith("t-").doesNotContain("acme");
        assertThat(count(options, "SELECT COUNT(*) FROM call_metric WHERE query_text IS NOT NULL")).isEqualTo(0);
        assertThat(queryOne(options, "SELECT result_count FROM call_metric WHERE tool = 'search'")).isEqualTo(0);
        assertThat(pipeline.snapshot().writtenCalls()).isEqualTo(2);
        assertThat(pipeline.snapshot().lostCalls()).isZero();
    }

    @Test
    void theSameTenantKeepsItsLabelAfterARestartBecauseTheSaltIsKept() throws Exception {
        MetricsOptions options = options(dir);
        RecordingPipeline first = pipeline(options, 100);
        first.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
        first.drain();
        opened.forEach(ResourceLocalMetricsDatabase::close);

        RecordingPipeline second = pipeline(options, 100);
        second.offer(call(NOON.plusSeconds(5), "acme", "listAffiliates", Outcome.OK, 100));
        second.offer(call(NOON.plusSeconds(5), "globex", "listAffiliates", Outcome.OK, 100));
        second.drain();

        assertThat(count(options, "SELECT COUNT(DISTINCT tenant) FROM call_metric")).isEqualTo(2);
        assertThat(count(options, "SELECT COUNT(*) FROM metrics_setting")).isEqualTo(1);
    }

    @Test
    void plainModeStoresTenantNamesAndQueriesAreKeptOnlyWhenEnabled() throws Exception {
        MetricsOptions options = options("jdbc:h2:file:" + dir.resolve("plain"), TenantMode.PLAIN, true);
        RecordingPipeline pipeline = pipeline(options, 100);

        pipeline.offer(search(NOON, "acme", "approved conversions", 3));
        pipeline.drain();

        assertThat(queryOne(options, "SELECT tenant FROM call_metric")).isEqualTo("acme");
        assertThat(queryOne(options, "SELECT query_text FROM call_metric")).isEqualTo("approved conversions");
    }

    @Test
    void rollupsAddUpCallsPerMinuteAndPerHourAcrossBatches() throws Exception {
        MetricsOptions options = options(dir);
        RecordingPipeline pipeline = pipeline(options, 100);

        pipeline.offer(call(NOON.plusSeconds(10), "acme", "listAffiliates", Outcome.OK, 1000));
        pipeline.offer(call(NOON.plusSeconds(20), "acme", "listAffiliates", Outcome.OK, 1000));
        pipeline.drain();
        pipeline.offer(call(NOON.plusSeconds(70), "acme", "listAffiliates", Outcome.OK, 1000));
        pipeline.offer(call(NOON.plusSeconds(80), "acme", "listAffiliates", Outcome.UPSTREAM_5XX, 1000));
        pipeline.drain();

        String tenantRows = " AND tenant <> '*'";
        assertThat(count(options, "SELECT SUM(calls) FROM call_rollup WHERE resolution_minutes = 60" + tenantRows)).isEqualTo(4);
        assertThat(count(options, "SELECT COUNT(*) FROM call_rollup WHERE resolution_minutes = 60" + tenantRows)).isEqualTo(2);
        assertThat(count(options, "SELECT SUM(calls) FROM call_rollup WHERE resolution_minutes = 1" + tenantRows
                + " AND bucket_start = TIMESTAMP '2026-03-02 12:00:00'")).isEqualTo(2);
        assertThat(count(options, "SELECT SUM(calls) FROM call_rollup WHERE resolution_minutes = 1" + tenantRows
                + " AND bucket_start = TIMESTAMP '2026-03-02 12:01:00'")).isEqualTo(2);
        assertThat(count(options, "SELECT SUM(latency_micros_total) FROM call_rollup WHERE resolution_minutes = 60"
                + tenantRows)).isEqualTo(4000);
        assertThat(count(options, "SELECT SUM(calls) FROM call_rollup WHERE resolution_minutes = 60 AND tenant = '*'"))
                .as("the all-tenant rows count the same calls").isEqualTo(4);
    }

    @Test
    void withTheDatabaseDownCallsAreAcceptedAtOnceKeptQueuedAndWrittenWhenItIsBack() throws Exception {
        // a regular file where the database folder should be: H2 cannot create the database
        Path blocker = Files.createFile(dir.resolve("blocked"));
        MetricsOptions options = options("jdbc:h2:file:" + blocker.resolve("metrics"), TenantMode.HASHED, false);
        RecordingPipeline pipeline = pipeline(options, 100);

        for (int i = 0; i < 80; i++) {
            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
        }
        RecorderSnapshot offered = pipeline.snapshot();
        pipeline.drain();
        pipeline.drain();

        // accepted at once: offering never touches the database, so it cannot wait for one that is down
        assertThat(offered.acceptedCalls()).isEqualTo(80);
        assertThat(offered.lastFailure()).as("no database access before the first drain").isEmpty();
        assertThat(pipeline.snapshot().lastFailure()).as("the drain did try the database").isNotEmpty();
        assertThat(pipeline.snapshot().lostCalls()).as("the database being down loses nothing by itself").isZero();
        assertThat(pipeline.snapshot().queuedCalls()).isEqualTo(80);
        assertThat(pipeline.snapshot().databaseOpen()).isFalse();
        assertThat(pipeline.snapshot().lastFailure()).isNotEmpty();

        Files.delete(blocker);
        clock.advance(Duration.ofSeconds(6));
        pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
        pipeline.drain();

        assertThat(count(options, "SELECT COUNT(*) FROM call_metric")).isEqualTo(81);
        assertThat(count(options, "SELECT COUNT(*) FROM recording_loss")).isZero();
        assertThat(pipeline.snapshot().writtenCalls()).isEqualTo(81);
        assertThat(pipeline.snapshot().queuedCalls()).isZero();
    }

    @Test
    void onlyCallsThatFindTheBufferFullAreLostAndTheLossIsReportedWhenTheDatabaseIsBack() throws Exception {
        Path blocker = Files.createFile(dir.resolve("blocked"));
        MetricsOptions options = options("jdbc:h2:file:" + blocker.resolve("metrics"), TenantMode.HASHED, false);
        RecordingPipeline pipeline = pipeline(options, 100);

        for (int i = 0; i < 150; i++) {
            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
        }
        pipeline.drain();

        assertThat(pipeline.snapshot().lostCalls()).as("50 over the capacity of 100").isEqualTo(50);
        assertThat(pipeline.snapshot().queuedCalls()).isEqualTo(100);

        Files.delete(blocker);
        clock.advance(Duration.ofSeconds(6));
        pipeline.drain();

        assertThat(count(options, "SELECT COUNT(*) FROM call_metric")).isEqualTo(100);
        assertThat(count(options, "SELECT SUM(lost_rows) FROM recording_loss")).isEqualTo(50);
        assertThat(pipeline.snapshot().lostCalls()).isEqualTo(50);
    }

    @Test
    void aDatabaseServerRestartLosesNoCallsTheyAreWrittenOnceItIsReachableAgain() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] serverArgs = {"-tcp", "-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", dir.toString()};
        Server server = Server.createTcpServer(serverArgs).start();
        MetricsOptions options = options("jdbc:h2:tcp://127.0.0.1:" + port + "/metrics", TenantMode.HASHED, false);
        RecordingPipeline pipeline = pipeline(options, 100);
        try {
            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
            pipeline.drain();
            server.stop();

            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
            pipeline.drain();
            assertThat(pipeline.snapshot().databaseOpen()).isFalse();
            assertThat(pipeline.snapshot().queuedCalls()).isEqualTo(1);

            server = Server.createTcpServer(serverArgs).start();
            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
            pipeline.drain();
            assertThat(pipeline.snapshot().queuedCalls()).as("still pausing before the next attempt").isEqualTo(2);

            clock.advance(Duration.ofSeconds(6));
            pipeline.offer(call(NOON, "acme", "listAffiliates", Outcome.OK, 100));
            pipeline.drain();

            assertThat(count(options, "SELECT COUNT(*) FROM call_metric")).isEqualTo(4);
            assertThat(count(options, "SELECT COUNT(*) FROM recording_loss")).isZero();
            assertThat(pipeline.snapshot().lostCalls()).isZero();
            assertThat(pipeline.snapshot().writtenCalls()).isEqualTo(4);
        } finally {
            opened.forEach(ResourceLocalMetricsDatabase::close);
            server.stop();
        }
    }

    @Test
    void aCatalogReportIsStored() throws Exception {
        MetricsOptions options = options(dir);
        RecordingPipeline pipeline = pipeline(options, 100);

        pipeline.catalogLoaded(new com.trackdesk.mcp.metrics.entity.CatalogLoad(
                java.time.LocalDateTime.of(2026, 3, 2, 12, 0), "classpath:trackdesk.yaml", 87));
        pipeline.drain();

        assertThat(queryOne(options, "SELECT operation_count FROM catalog_load")).isEqualTo(87);
    }

    @Test
    void aNullCallIsIgnored() {
        RecordingPipeline pipeline = pipeline(options(dir), 10);
        pipeline.offer((CallMetric) null);
        assertThat(pipeline.snapshot().acceptedCalls()).isZero();
        assertThat(pipeline.snapshot().lostCalls()).isZero();
    }
}
