package com.trackdesk.mcp.reporting.entity;

import java.util.List;

/** Calls over time in buckets of {@code bucketMinutes}; buckets without calls are included as zeros. */
public record TimeSeries(int bucketMinutes, List<TimePoint> points) {
}
