package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;

/** Calls of one tenant, by its stored label (a hash unless plain names are configured). */
public record TenantStats(String tenant, long calls, long errors, double errorRate, Instant lastSeen) {
}
