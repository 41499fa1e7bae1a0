package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;

/** One aggregate row of an export: calls of one period with the same tenant, operation, outcome and status. */
public record ExportRow(Instant periodStart, int periodMinutes, String tenant, String tool, String operationId,
                       String outcome, int httpStatus, long calls, long latencyMicrosTotal,
                       long averageLatencyMicros, long responseBytesTotal, long truncatedCalls,
                       long zeroResultCalls, long fewResultCalls) {
}
