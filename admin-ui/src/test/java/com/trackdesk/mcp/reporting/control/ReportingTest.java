package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.ResourceLocalMetricsDatabase;
import com.trackdesk.mcp.metrics.control.MetricsWriter;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import com.trackdesk.mcp.reporting.entity.ExportRow;
import com.trackdesk.mcp.reporting.entity.FailingOperation;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import com.trackdesk.mcp.reporting.entity.RecentCall;
import com.trackdesk.mcp.reporting.entity.RecentCallsPage;
import com.trackdesk.mcp.reporting.entity.SearchFollowUp;
import com.trackdesk.mcp.reporting.entity.SearchQuality;
import com.trackdesk.mcp.reporting.entity.Summary;
import com.trackdesk.mcp.reporting.entity.TimeSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the console's API reports about recorded calls, read back from a real H2 file database. */
class ReportingTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    MetricsOptions options;
    ResourceLocalMetricsDatabase database;
    MetricsWriter writer;
    RollupReader reader;

    @BeforeEach
    void openDatabase() {
        options = new MetricsOptions("jdbc:h2:file:" + dir.resolve("metrics"), "sa", "", TenantMode.HASHED,
                Optional.empty(), true, 30, 1000);
        database = new ResourceLocalMetricsDatabase(options);
        writer = new MetricsWriter(database, options, Clock.fixed(T0, ZoneOffset.UTC));
        reader = new RollupReader(database, options);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    void record(CallMetric... calls) {
        writer.write(new WriteBatch(List.of(calls), 0, Optional.empty()));
    }

    static CallMetric execute(Instant at, String tenant, String operation, Outcome outcome, int status, long micros) {
        return new CallMetric(at, tenant, "execute", Optional.of(operation), outcome, status, micros, 100,
                Optional.empty(), false, Optional.empty());
    }

    static CallMetric search(Instant at, String tenant, String query, int hits) {
        return new CallMetric(at, tenant, "search", hits == 0 ? Optional.empty() : Optional.of("listTags"),
                Outcome.OK, 0, 500, 300, Optional.of(hits), false, Optional.of(query));
    }

    MetricsFilter window(Instant since, Instant until, String tenant) {
        return new MetricsFilter(since, until, Optional.ofNullable(tenant));
    }

    Summary summary(MetricsFilter filter) {
        return SummaryCalculator.summarize(filter, reader.operationSlices(filter), reader.lostCalls(filter));
    }

    @Test
    void chartBucketsFitTheRangeFromMinutesToDays() {
        record(execute(T0.plusSeconds(5), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plus(Duration.ofHours(30)), "acme", "listTags", Outcome.UPSTREAM_5XX, 503, 1_000));

        TimeSeries hour = series(Duration.ofHours(1));
        TimeSeries sixHours = series(Duration.ofHours(6));
        TimeSeries week = series(Duration.ofDays(7));
        TimeSeries month = series(Duration.ofDays(30));

        assertThat(hour.bucketMinutes()).isEqualTo(1);
        assertThat(hour.points()).hasSize(60);
        assertThat(sixHours.bucketMinutes()).isEqualTo(5);
        assertThat(sixHours.points()).hasSize(72);
        assertThat(week.bucketMinutes()).isEqualTo(60);
        assertThat(week.points()).hasSize(168);
        assertThat(month.bucketMinutes()).isEqualTo(1440);
        assertThat(month.points()).as("a ragged month spans 31 calendar days").hasSize(31);
        assertThat(month.points()).extracting(p -> p.calls() + "/" + p.errors()).startsWith("1/0", "1/1", "0/0");
    }

    TimeSeries series(Duration span) {
        MetricsFilter filter = window(T0, T0.plus(span), null);
        return TimeSeriesBuilder.build(filter, reader.timeSlices(filter));
    }

    @Test
    void theSummaryCountsCallsPerToolOperationAndOutcome() {
        record(execute(T0.plusSeconds(10), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(20), "acme", "listTags", Outcome.OK, 200, 2_000),
                execute(T0.plusSeconds(30), "acme", "getTier", Outcome.UPSTREAM_5XX, 503, 40_000),
                search(T0.plusSeconds(40), "acme", "tags", 3));

        Summary summary = summary(window(T0, T0.plus(Duration.ofHours(1)), null));

        assertThat(summary.calls()).isEqualTo(4);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.errorRate()).isEqualTo(0.25);
        assertThat(summary.byTool()).containsExactly(new NamedCount("execute", 3, 1), new NamedCount("search", 1, 0));
        // the search's top hit (listTags) is not a use of the operation: operation counts are executes only
        assertThat(summary.byOperation()).containsExactly(new NamedCount("listTags", 2, 0), new NamedCount("getTier", 1, 1));
        assertThat(summary.byOutcome()).containsExactly(new NamedCount("OK", 3, 0), new NamedCount("UPSTREAM_5XX", 1, 1));
    }

    @Test
    void percentilesAreWithinTenPercentOfTheTrueValues() {
        List<CallMetric> calls = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            calls.add(execute(T0.plusMillis(i * 100L), "acme", "listTags", Outcome.OK, 200, i * 1_000L));
        }
        record(calls.toArray(CallMetric[]::new));

        Summary summary = summary(window(T0, T0.plus(Duration.ofHours(1)), null));

        assertThat((double) summary.latency().p50Micros()).isCloseTo(500_000, within(50_000.0));
        assertThat((double) summary.latency().p95Micros()).isCloseTo(950_000, within(95_000.0));
        assertThat((double) summary.latency().p99Micros()).isCloseTo(990_000, within(99_000.0));
    }

    @Test
    void aLongWindowCountsExactlyTheCallsInsideIt() {
        // 10 hours: whole hours come from hour rollups, the ragged ends from minute rollups
        Instant since = T0.plus(Duration.ofMinutes(30));
        Instant until = since.plus(Duration.ofHours(10));
        record(execute(since.minusSeconds(60), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(since.plusSeconds(1), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plus(Duration.ofHours(5)), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(until.minusSeconds(61), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(until.plusSeconds(60), "acme", "listTags", Outcome.OK, 200, 1_000));

        assertThat(RollupWindows.segments(window(since, until, null))).hasSize(3);
        assertThat(summary(window(since, until, null)).calls()).isEqualTo(3);
    }

    @Test
    void aHashedTenantIsFoundByItsNameAndByItsLabel() {
        record(execute(T0.plusSeconds(1), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(2), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(3), "globex", "listTags", Outcome.OK, 200, 1_000));
        Instant until = T0.plus(Duration.ofHours(1));
        String label = TenantRanking.rank(reader.tenantSlices(window(T0, until, null)), 10).get(0).tenant();

        assertThat(label).startsWith("t-").isNotEqualTo("acme");
        assertThat(summary(window(T0, until, "acme")).calls()).isEqualTo(2);
        assertThat(summary(window(T0, until, label)).calls()).isEqualTo(2);
        assertThat(summary(window(T0, until, "initech")).calls()).isZero();
    }

    @Test
    void failingOperationsShowHowTheyFailed() {
        record(execute(T0.plusSeconds(1), "acme", "getTier", Outcome.UPSTREAM_5XX, 503, 1_000),
                execute(T0.plusSeconds(2), "acme", "getTier", Outcome.UPSTREAM_5XX, 503, 1_000),
                execute(T0.plusSeconds(3), "acme", "getTier", Outcome.TIMEOUT, 0, 1_000),
                execute(T0.plusSeconds(4), "acme", "getTier", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(5), "acme", "listTags", Outcome.OK, 200, 1_000));

        List<FailingOperation> failing = OperationRanking.failing(
                reader.operationSlices(window(T0, T0.plus(Duration.ofHours(1)), null)), 10);

        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).operationId()).isEqualTo("getTier");
        assertThat(failing.get(0).errors()).isEqualTo(3);
        assertThat(failing.get(0).breakdown()).extracting(b -> b.outcome() + " " + b.httpStatus() + " x" + b.calls())
                .containsExactly("UPSTREAM_5XX 503 x2", "TIMEOUT 0 x1");
    }

    @Test
    void theTimeSeriesHasOnePointPerMinuteIncludingQuietOnes() {
        record(execute(T0.plusSeconds(5), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(125), "acme", "listTags", Outcome.UPSTREAM_4XX, 404, 1_000));
        MetricsFilter filter = window(T0, T0.plus(Duration.ofMinutes(5)), null);

        TimeSeries series = TimeSeriesBuilder.build(filter, reader.timeSlices(filter));

        assertThat(series.bucketMinutes()).isEqualTo(1);
        assertThat(series.points()).extracting(p -> p.calls() + "/" + p.errors())
                .containsExactly("1/0", "0/0", "1/1", "0/0", "0/0");
    }

    @Test
    void searchesWithNoOrFewHitsAreCountedAndListedByText() {
        record(search(T0.plusSeconds(1), "acme", "refund policy", 0),
                search(T0.plusSeconds(2), "acme", "refund policy", 0),
                search(T0.plusSeconds(3), "acme", "tags", 2),
                search(T0.plusSeconds(4), "acme", "affiliates", 9));
        MetricsFilter filter = window(T0, T0.plus(Duration.ofHours(1)), null);

        SearchQuality quality = new SearchQualityQuery(database, options).quality(filter, reader.operationSlices(filter), 10);

        assertThat(quality.searches()).isEqualTo(4);
        assertThat(quality.zeroResults()).isEqualTo(2);
        assertThat(quality.fewResults()).isEqualTo(1);
        assertThat(quality.poorSearches()).extracting(s -> s.queryText() + " x" + s.searches())
                .containsExactly("refund policy x2", "tags x1");
    }

    @Test
    void theExportHasOneRowPerPeriodTenantOperationOutcomeAndStatus() {
        record(execute(T0.plusSeconds(1), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(2), "acme", "listTags", Outcome.OK, 200, 3_000),
                execute(T0.plus(Duration.ofMinutes(70)), "acme", "listTags", Outcome.OK, 200, 1_000));
        List<ExportRow> rows = new ArrayList<>();

        reader.exportRows(window(T0, T0.plus(Duration.ofHours(3)), null), 60, rows::add);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).periodStart()).isEqualTo(T0);
        assertThat(rows.get(0).calls()).isEqualTo(2);
        assertThat(rows.get(0).averageLatencyMicros()).isEqualTo(2_000);
        assertThat(CsvFormat.line(rows.get(0))).startsWith("2026-03-02T08:00:00Z,60,t-").contains(",execute,listTags,OK,200,2,4000,2000,");
    }

    @Test
    void theDrillDownNarrowsEveryNumberToOneOperationOutcomeOrTool() {
        record(execute(T0.plusSeconds(1), "acme", "listTags", Outcome.OK, 200, 1_000),
                execute(T0.plusSeconds(2), "acme", "getTier", Outcome.UPSTREAM_5XX, 503, 1_000),
                execute(T0.plusSeconds(3), "acme", "NoSuchOperation", Outcome.UNKNOWN_OPERATION, 0, 1_000),
                search(T0.plusSeconds(4), "acme", "tags", 3));
        Instant until = T0.plus(Duration.ofHours(1));

        Summary ofOperation = summary(new MetricsFilter(T0, until, Optional.empty(), Optional.empty(),
                Optional.of("getTier"), Optional.empty()));
        Summary ofOutcome = summary(new MetricsFilter(T0, until, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Outcome.UNKNOWN_OPERATION)));
        Summary ofTool = summary(new MetricsFilter(T0, until, Optional.empty(), Optional.of("search"),
                Optional.empty(), Optional.empty()));

        assertThat(ofOperation.calls()).isEqualTo(1);
        assertThat(ofOperation.byOutcome()).containsExactly(new NamedCount("UPSTREAM_5XX", 1, 1));
        assertThat(ofOutcome.byOperation()).containsExactly(new NamedCount("NoSuchOperation", 1, 1));
        assertThat(ofTool.calls()).isEqualTo(1);
        assertThat(ofTool.byTool()).containsExactly(new NamedCount("search", 1, 0));
    }

    @Test
    void theRecentCallsLogPagesBackwardsFromTheNewestCallWithoutBodiesOrTexts() {
        List<CallMetric> calls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            calls.add(execute(T0.plusSeconds(i), "acme", "op" + i, i == 6 ? Outcome.AUTH : Outcome.OK, i == 6 ? 401 : 200, 1_000 + i));
        }
        calls.add(search(T0.plusSeconds(7), "acme", "secret-ish search text", 0));
        record(calls.toArray(CallMetric[]::new));
        MetricsFilter filter = window(T0, T0.plus(Duration.ofHours(1)), null);
        RecentCallsQuery log = new RecentCallsQuery(database, options);

        RecentCallsPage first = log.page(filter, 0, 3);
        RecentCallsPage last = log.page(filter, 2, 3);

        assertThat(first.calls()).extracting(RecentCall::tool).containsExactly("search", "execute", "execute");
        assertThat(first.calls().get(1)).satisfies(call -> {
            assertThat(call.operationId()).isEqualTo("op6");
            assertThat(call.outcome()).isEqualTo("AUTH");
            assertThat(call.httpStatus()).isEqualTo(401);
            assertThat(call.latencyMicros()).isEqualTo(1_006);
            assertThat(call.responseBytes()).isEqualTo(100);
            assertThat(call.tenant()).matches("t-[0-9a-f]{16}");
        });
        assertThat(first.calls().get(0).resultCount()).isZero();
        assertThat(first.toString()).doesNotContain("secret-ish");
        assertThat(first.hasMore()).isTrue();
        assertThat(last.calls()).extracting(RecentCall::operationId).containsExactly("op1", "op0");
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void searchesAreFollowedToTheNextExecuteOfTheSameClientWithinTheWindow() {
        record(search(T0, "acme", "tags", 3).withClient(Optional.of("10.0.0.1|claude")),
                execute(T0.plusSeconds(30), "acme", "listTags", Outcome.OK, 200, 1_000).withClient(Optional.of("10.0.0.1|claude")),
                // another client searches and never executes; its neighbour's execute does not count for it
                search(T0.plusSeconds(40), "acme", "tags", 3).withClient(Optional.of("10.0.0.2|cursor")),
                // a search whose execute comes too late
                search(T0.plusSeconds(60), "acme", "tags", 3).withClient(Optional.of("10.0.0.3|claude")),
                execute(T0.plus(Duration.ofMinutes(30)), "acme", "listTags", Outcome.OK, 200, 1_000).withClient(Optional.of("10.0.0.3|claude")),
                // calls recorded without a client are not followed, nor are refused searches
                search(T0.plusSeconds(70), "acme", "tags", 3),
                new CallMetric(T0.plusSeconds(80), "acme", "search", Optional.empty(), Outcome.VALIDATION, 0, 10, 50,
                        Optional.empty(), false, Optional.empty()).withClient(Optional.of("10.0.0.4|claude")));

        SearchFollowUp followUp = new SearchFollowUpQuery(database, options)
                .followUp(window(T0, T0.plus(Duration.ofHours(1)), null), Duration.ofMinutes(10), 10);

        assertThat(followUp.trackedSearches()).isEqualTo(3);
        assertThat(followUp.followed()).isEqualTo(1);
        assertThat(followUp.notFollowed()).isEqualTo(2);
        assertThat(followUp.executedAfterSearch()).containsExactly(new NamedCount("listTags", 1, 0));
    }

    @Test
    void clientsAreStoredAsSaltedLabelsNeverAsTheirAddress() {
        record(search(T0, "acme", "tags", 3).withClient(Optional.of("10.0.0.1|claude")));

        RecentCall call = new RecentCallsQuery(database, options).page(window(T0, T0.plusSeconds(60), null), 0, 10).calls().get(0);

        assertThat(call.client()).matches("c-[0-9a-f]{12}");
    }

    @Test
    void lostCallsReportedInTheWindowAreShown() {
        writer.write(new WriteBatch(List.of(), 42, Optional.empty()));

        assertThat(summary(window(T0.minusSeconds(60), T0.plusSeconds(60), null)).lostCalls()).isEqualTo(42);
    }
}
