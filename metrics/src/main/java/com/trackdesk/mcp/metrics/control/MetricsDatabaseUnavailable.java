package com.trackdesk.mcp.metrics.control;

/** The metrics database cannot be used right now (down, unreachable, or waiting before the next attempt). */
public class MetricsDatabaseUnavailable extends RuntimeException {

    public MetricsDatabaseUnavailable(String message) {
        super(message);
    }
}
