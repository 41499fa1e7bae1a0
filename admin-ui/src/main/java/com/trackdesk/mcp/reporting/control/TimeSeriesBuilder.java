package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.TimePoint;
import com.trackdesk.mcp.reporting.entity.TimeSeries;
import com.trackdesk.mcp.reporting.entity.TimeSlice;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chart points: calls, failed calls and p50/p95 latency per chart bucket, with empty buckets as zeros
 * so that quiet periods show as gaps in traffic rather than as straight lines. The bucket fits the range: a
 * minute up to an hour, 5 minutes up to 6 hours, an hour up to 7 days, a day beyond (30 days are 30 bars,
 * not 721). Percentiles of a bucket come from its merged latency histogram, so they stay exact to the bucket.
 */
public final class TimeSeriesBuilder {

    private TimeSeriesBuilder() {
    }

    /** The chart bucket, in minutes, of a range: never finer than the rollups the range is read from. */
    static int bucketMinutes(MetricsFilter filter) {
        Duration span = Duration.between(RollupWindows.coveredFrom(filter), RollupWindows.coveredTo(filter));
        int wanted = span.compareTo(Duration.ofMinutes(61)) <= 0 ? 1
                : span.compareTo(Duration.ofHours(6).plusMinutes(1)) <= 0 ? 5
                : span.compareTo(Duration.ofDays(7).plusHours(1)) <= 0 ? 60
                : 1440;
        return Math.max(wanted, RollupWindows.chartBucketMinutes(filter));
    }

    public static TimeSeries build(MetricsFilter filter, List<TimeSlice> slices) {
        int bucketMinutes = bucketMinutes(filter);
        Map<LocalDateTime, Bucket> buckets = new TreeMap<>();
        LocalDateTime end = RollupWindows.coveredTo(filter);
        for (LocalDateTime at = floor(RollupWindows.coveredFrom(filter), bucketMinutes); at.isBefore(end);
             at = at.plusMinutes(bucketMinutes)) {
            buckets.put(at, new Bucket());
        }
        for (TimeSlice slice : slices) {
            Bucket bucket = buckets.computeIfAbsent(floor(slice.bucketStart(), bucketMinutes), at -> new Bucket());
            bucket.calls += slice.calls();
            bucket.errors += slice.outcome() == Outcome.OK ? 0 : slice.calls();
            bucket.latency.add(slice.latencyBucket(), slice.calls());
        }
        List<TimePoint> points = new ArrayList<>(buckets.size());
        buckets.forEach((at, bucket) -> points.add(new TimePoint(RollupWindows.instant(at), bucket.calls,
                bucket.errors, bucket.latency.percentile(0.50), bucket.latency.percentile(0.95))));
        return new TimeSeries(bucketMinutes, points);
    }

    /** The start of the bucket holding {@code at}: buckets are aligned to UTC midnight. */
    private static LocalDateTime floor(LocalDateTime at, int bucketMinutes) {
        long minute = at.toEpochSecond(ZoneOffset.UTC) / 60;
        return LocalDateTime.ofEpochSecond(Math.floorDiv(minute, bucketMinutes) * bucketMinutes * 60, 0, ZoneOffset.UTC);
    }

    private static final class Bucket {
        long calls;
        long errors;
        final Histogram latency = new Histogram();
    }
}
