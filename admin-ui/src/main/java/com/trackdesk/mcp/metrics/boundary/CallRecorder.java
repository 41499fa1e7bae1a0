package com.trackdesk.mcp.metrics.boundary;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records one metric row per tool call. Never blocks the call path and never throws: when the
 * database is unavailable the row is dropped and counted as lost.
 */
@ApplicationScoped
public class CallRecorder {

    public void record(CallMetric metric) {
        // implemented by the admin-ui work: asynchronous, batched JPA writes
    }
}
