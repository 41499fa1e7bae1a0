package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.TimePoint;
import com.trackdesk.mcp.reporting.entity.TimeSeries;
import com.trackdesk.mcp.reporting.entity.TimeSlice;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chart points: calls, failed calls and p50/p95 latency per chart bucket, with empty buckets as zeros
 * so that quiet periods show as gaps in traffic rather than as straight lines.
 */
public final class TimeSeriesBuilder {

    private TimeSeriesBuilder() {
    }

    public static TimeSeries build(MetricsFilter filter, List<TimeSlice> slices) {
        int bucketMinutes = RollupWindows.chartBucketMinutes(filter);
        ChronoUnit unit = bucketMinutes == 1 ? ChronoUnit.MINUTES : ChronoUnit.HOURS;
        Map<LocalDateTime, Bucket> buckets = new TreeMap<>();
        LocalDateTime end = RollupWindows.coveredTo(filter);
        for (LocalDateTime at = RollupWindows.coveredFrom(filter).truncatedTo(unit); at.isBefore(end);
             at = at.plus(1, unit)) {
            buckets.put(at, new Bucket());
        }
        for (TimeSlice slice : slices) {
            Bucket bucket = buckets.computeIfAbsent(slice.bucketStart().truncatedTo(unit), at -> new Bucket());
            bucket.calls += slice.calls();
            bucket.errors += slice.outcome() == Outcome.OK ? 0 : slice.calls();
            bucket.latency.add(slice.latencyBucket(), slice.calls());
        }
        List<TimePoint> points = new ArrayList<>(buckets.size());
        buckets.forEach((at, bucket) -> points.add(new TimePoint(RollupWindows.instant(at), bucket.calls,
                bucket.errors, bucket.latency.percentile(0.50), bucket.latency.percentile(0.95))));
        return new TimeSeries(bucketMinutes, points);
    }

    private static final class Bucket {
        long calls;
        long errors;
        final Histogram latency = new Histogram();
    }
}
