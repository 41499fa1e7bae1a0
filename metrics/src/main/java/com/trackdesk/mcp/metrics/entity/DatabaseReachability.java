package com.trackdesk.mcp.metrics.entity;

import java.time.Instant;

/**
 * Whether the metrics database answered a probe.
 *
 * @param detail the database product when reachable, else why not (one line, never credentials)
 */
public record DatabaseReachability(boolean reachable, String detail, Instant at) {

    public static DatabaseReachability reachable(String product, Instant at) {
        return new DatabaseReachability(true, product, at);
    }

    public static DatabaseReachability unreachable(String reason, Instant at) {
        return new DatabaseReachability(false, reason, at);
    }
}
