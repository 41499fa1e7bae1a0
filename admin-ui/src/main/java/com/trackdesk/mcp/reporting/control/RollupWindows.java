package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.Rollups;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.RollupSegment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollups answer a time window. Short windows read minute rollups only. Longer ones read whole
 * hours from the hour rollups (few rows) and the ragged minutes at either end from the minute rollups,
 * so the totals cover exactly the asked window, to the minute.
 */
public final class RollupWindows {

    static final Duration MINUTES_ONLY_UP_TO = Duration.ofHours(6);

    private RollupWindows() {
    }

    public static List<RollupSegment> segments(MetricsFilter filter) {
        LocalDateTime from = coveredFrom(filter);
        LocalDateTime to = coveredTo(filter);
        if (!from.isBefore(to)) {
            return List.of();
        }
        if (Duration.between(from, to).compareTo(MINUTES_ONLY_UP_TO) <= 0) {
            return List.of(new RollupSegment(Rollups.MINUTE, from, to));
        }
        LocalDateTime firstWholeHour = ceil(from, ChronoUnit.HOURS);
        LocalDateTime lastWholeHour = to.truncatedTo(ChronoUnit.HOURS);
        List<RollupSegment> segments = new ArrayList<>();
        if (from.isBefore(firstWholeHour)) {
            segments.add(new RollupSegment(Rollups.MINUTE, from, firstWholeHour));
        }
        segments.add(new RollupSegment(Rollups.HOUR, firstWholeHour, lastWholeHour));
        if (lastWholeHour.isBefore(to)) {
            segments.add(new RollupSegment(Rollups.MINUTE, lastWholeHour, to));
        }
        return segments;
    }

    /** Chart buckets: minutes for short windows, hours beyond (at most 24 × days points). */
    public static int chartBucketMinutes(MetricsFilter filter) {
        return Duration.between(coveredFrom(filter), coveredTo(filter)).compareTo(MINUTES_ONLY_UP_TO) <= 0
                ? Rollups.MINUTE : Rollups.HOUR;
    }

    public static LocalDateTime coveredFrom(MetricsFilter filter) {
        return utc(filter.since()).truncatedTo(ChronoUnit.MINUTES);
    }

    public static LocalDateTime coveredTo(MetricsFilter filter) {
        return ceil(utc(filter.until()), ChronoUnit.MINUTES);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDateTime ceil(LocalDateTime time, ChronoUnit unit) {
        LocalDateTime down = time.truncatedTo(unit);
        return down.equals(time) ? down : down.plus(1, unit);
    }
}
