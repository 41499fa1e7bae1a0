package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.ResourceLocalMetricsDatabase;
import com.trackdesk.mcp.metrics.control.MetricsWriter;
import com.trackdesk.mcp.metrics.control.SignInWriter;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import com.trackdesk.mcp.reporting.entity.AccessCounts;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
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

/** The console's "how callers connect": calls by auth kind and OAuth sign-ins, from a real H2 file database. */
class AccessCountsTest {

    static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    MetricsOptions options;
    ResourceLocalMetricsDatabase database;

    @BeforeEach
    void openDatabase() {
        options = new MetricsOptions("jdbc:h2:file:" + dir.resolve("metrics"), "sa", "", TenantMode.HASHED,
                Optional.empty(), false, 30, 1000);
        database = new ResourceLocalMetricsDatabase(options);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void callsAreCountedByHowTheyAuthenticatedAndSignInsByWhetherTheTokenWasAccepted() {
        new MetricsWriter(database, options, Clock.fixed(T0, ZoneOffset.UTC)).write(new WriteBatch(List.of(
                call("acme", Optional.of("HEADER")), call("acme", Optional.of("OAUTH")), call("acme", Optional.of("OAUTH")),
                call("globex", Optional.of("OAUTH")), call("acme", Optional.empty())), 0, Optional.empty()));
        SignInWriter signIns = new SignInWriter(database, Clock.fixed(T0, ZoneOffset.UTC));
        signIns.offer(true);
        signIns.offer(false);
        signIns.offer(false);
        signIns.drain();

        AccessQuery query = new AccessQuery(database, options);
        MetricsFilter day = new MetricsFilter(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)), Optional.empty());
        assertThat(query.counts(day)).isEqualTo(new AccessCounts(1, 3, 1, 1, 2));

        MetricsFilter acme = new MetricsFilter(day.since(), day.until(), Optional.of("acme"));
        assertThat(query.counts(acme)).isEqualTo(new AccessCounts(1, 2, 1, 1, 2));

        MetricsFilter before = new MetricsFilter(T0.minus(Duration.ofDays(2)), T0.minus(Duration.ofDays(1)), Optional.empty());
        assertThat(query.counts(before)).isEqualTo(new AccessCounts(0, 0, 0, 0, 0));
    }

    private static CallMetric call(String tenant, Optional<String> authKind) {
        return new CallMetric(T0, tenant, "execute", Optional.of("listTags"), Outcome.OK, 200, 1000, 100,
                Optional.empty(), false, Optional.empty()).withAuthKind(authKind);
    }
}
