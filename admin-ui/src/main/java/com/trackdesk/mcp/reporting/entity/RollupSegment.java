package com.trackdesk.mcp.reporting.entity;

import java.time.LocalDateTime;

/** A stretch of time read from one rollup resolution: buckets starting in [from, to), UTC. */
public record RollupSegment(int resolutionMinutes, LocalDateTime from, LocalDateTime to) {
}
