package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Both WARs migrate the same database when they start, possibly at the same moment. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void migratingAgainChangesNothing() throws Exception {
        MetricsOptions options = MetricsTestDatabase.options(dir);
        new SchemaMigration(new ConfiguredDataSource(options)).migrate();
        new SchemaMigration(new ConfiguredDataSource(options)).migrate();

        assertThat(MetricsTestDatabase.count(options, "SELECT COUNT(*) FROM \"metrics_schema_history\" WHERE \"version\" = '1' AND \"success\""))
                .isEqualTo(1);
    }

    @Test
    void startsAtTheSameMomentBothSucceed() throws Exception {
        MetricsOptions options = MetricsTestDatabase.options(dir);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                new SchemaMigration(new ConfiguredDataSource(options)).migrate();
            }));
        }
        start.countDown();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();

        assertThat(MetricsTestDatabase.count(options, "SELECT COUNT(*) FROM call_metric")).isZero();
        assertThat(MetricsTestDatabase.count(options, "SELECT COUNT(*) FROM \"metrics_schema_history\" WHERE \"version\" = '1' AND \"success\""))
                .isEqualTo(1);
    }
}
