package com.trackdesk.mcp.reporting.entity;

/** Latency percentiles in microseconds, estimated from log-scale buckets (within about 9 %). */
public record LatencyPercentiles(long p50Micros, long p95Micros, long p99Micros) {
}
