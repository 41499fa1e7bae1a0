package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.LatencyBuckets;
import com.trackdesk.mcp.reporting.entity.LatencyPercentiles;

import java.util.SortedMap;
import java.util.TreeMap;

/** Calls per latency bucket, added up from rollup slices, and the percentiles they give. */
final class Histogram {

    private final SortedMap<Integer, Long> callsPerBucket = new TreeMap<>();

    void add(int latencyBucket, long calls) {
        callsPerBucket.merge(latencyBucket, calls, Long::sum);
    }

    long percentile(double p) {
        return LatencyBuckets.percentile(callsPerBucket, p);
    }

    LatencyPercentiles percentiles() {
        return new LatencyPercentiles(percentile(0.50), percentile(0.95), percentile(0.99));
    }
}
