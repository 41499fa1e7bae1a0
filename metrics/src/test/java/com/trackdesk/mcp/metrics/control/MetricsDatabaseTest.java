package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.testsupport.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metrics database before its WAR has handed it a connection pool (or in a WAR that defines none). */
class MetricsDatabaseTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T12:00:00Z"));

    @Test
    void withoutTheWarsConnectionPoolNothingOpensAndTheConsoleIsToldWhy() {
        MetricsDatabase database = new MetricsDatabase(clock);

        assertThat(database.open()).isFalse();
        assertThat(database.isOpen()).isFalse();
        assertThat(database.lastFailure()).contains(WarConnectionPool.DEFAULT_NAME)
                .contains(WarConnectionPool.NAME_PARAMETER).contains("web.xml");
        assertThatThrownBy(() -> database.read(em -> 1)).isInstanceOf(MetricsDatabaseUnavailable.class);
    }
}
