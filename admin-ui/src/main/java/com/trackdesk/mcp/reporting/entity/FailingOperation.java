package com.trackdesk.mcp.reporting.entity;

import java.util.List;

/** An operation with failed calls, and how they failed, most frequent first. */
public record FailingOperation(String tool, String operationId, long calls, long errors, double errorRate,
                               List<ErrorCount> breakdown) {
}
