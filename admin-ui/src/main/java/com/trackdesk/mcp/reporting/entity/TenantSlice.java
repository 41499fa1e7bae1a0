package com.trackdesk.mcp.reporting.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;

import java.time.LocalDateTime;

/** Calls of one tenant with one outcome; {@code lastBucket} is the latest rollup bucket it appears in. */
public record TenantSlice(String tenant, Outcome outcome, long calls, LocalDateTime lastBucket) {
}
