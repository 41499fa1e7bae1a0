package com.trackdesk.mcp.metrics.boundary;

import com.trackdesk.mcp.testsupport.time.ManualClock;
import com.trackdesk.mcp.metrics.entity.DatabaseReachability;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsDatabaseHealthTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));

    static MetricsOptions options(String url, String password) {
        return new MetricsOptions(url, "sa", password, TenantMode.HASHED, Optional.empty(), false, 30, 10_000);
    }

    @Test
    void aDatabaseThatAnswersIsReachableAndNamesItsProduct(@TempDir Path dir) {
        var health = new MetricsDatabaseHealth(options("jdbc:h2:file:" + dir.resolve("metrics"), ""), clock);

        DatabaseReachability answer = health.check();

        assertThat(answer.reachable()).isTrue();
        assertThat(answer.detail()).isEqualTo("H2");
    }

    @Test
    void aDatabaseNobodyListensForIsUnreachableWithAOneLineReasonAndNoPassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + closedPort + "/metrics;PASSWORD=hunter2";
        var health = new MetricsDatabaseHealth(options(url, "hunter2"), clock);

        DatabaseReachability answer = health.check();

        assertThat(answer.reachable()).isFalse();
        assertThat(answer.detail()).isNotBlank().doesNotContain("\n").doesNotContain("hunter2");
        assertThat(health.location()).isEqualTo("jdbc:h2:tcp://127.0.0.1:" + closedPort + "/metrics");
    }

    @Test
    void anAnswerIsKeptForTwoSecondsSoProbesDoNotHammerTheDatabase(@TempDir Path dir) throws SQLException {
        String file = "jdbc:h2:file:" + dir.resolve("metrics");
        // IFEXISTS: the probe itself must not create the database it asks about
        var health = new MetricsDatabaseHealth(options(file + ";IFEXISTS=TRUE", ""), clock);
        assertThat(health.check().reachable()).as("no database yet").isFalse();
        try (Connection created = DriverManager.getConnection(file, "sa", "")) {
            assertThat(created.isValid(1)).isTrue();
        }

        clock.advance(Duration.ofMillis(1_999));
        assertThat(health.check().reachable()).as("the earlier answer, still fresh").isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(health.check().reachable()).as("asked again after two seconds").isTrue();
    }
}
