package com.trackdesk.mcp.metrics.entity;

import java.time.LocalDateTime;

/**
 * What one rollup row counts: calls of one period that agree on every dimension the console filters or
 * groups by. {@code operationId} is empty, never null, so the key can be unique in SQL.
 */
public record RollupKey(int resolutionMinutes, LocalDateTime bucketStart, String tenant, String tool,
                        String operationId, Outcome outcome, int httpStatus, int latencyBucket) {
}
