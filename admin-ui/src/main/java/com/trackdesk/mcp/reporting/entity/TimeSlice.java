package com.trackdesk.mcp.reporting.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;

import java.time.LocalDateTime;

/** Calls of one rollup bucket with one outcome and latency bucket. */
public record TimeSlice(LocalDateTime bucketStart, Outcome outcome, int latencyBucket, long calls) {
}
