package com.trackdesk.mcp.reporting.entity;

/** How one operation fared in a time window. */
public record OperationStats(String tool, String operationId, long calls, long errors, double errorRate,
                             long p50Micros, long p95Micros, long averageResponseBytes, long truncatedCalls) {
}
