package com.trackdesk.mcp.reporting.entity;

/** Failed calls of one kind: outcome plus upstream status (0 when nothing was sent upstream). */
public record ErrorCount(String outcome, int httpStatus, long calls) {
}
