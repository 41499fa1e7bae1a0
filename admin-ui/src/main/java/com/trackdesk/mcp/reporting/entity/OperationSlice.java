package com.trackdesk.mcp.reporting.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;

/** Calls of one operation with one outcome, status and latency bucket, summed over a time window. */
public record OperationSlice(String tool, String operationId, Outcome outcome, int httpStatus, int latencyBucket,
                             long calls, long latencyMicros, long responseBytes, long truncatedCalls,
                             long zeroResultCalls, long fewResultCalls) {
}
