package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;

/**
 * One row of the recent-calls log: what was called and how it went. No bodies, no keys, no search texts.
 *
 * @param operationId the operation executed, the attempted name of an unknown one, or the top hit of a search; null when none
 * @param resultCount hits of a search, null otherwise
 * @param client      the anonymous client label ("c-…"), null for calls recorded before it existed
 */
public record RecentCall(Instant at, String tenant, String tool, String operationId, String outcome, int httpStatus,
                         long latencyMicros, long responseBytes, Integer resultCount, boolean truncated, String client) {
}
