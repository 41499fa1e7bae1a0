package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;

/** One point of the overview charts. */
public record TimePoint(Instant at, long calls, long errors, long p50Micros, long p95Micros) {
}
