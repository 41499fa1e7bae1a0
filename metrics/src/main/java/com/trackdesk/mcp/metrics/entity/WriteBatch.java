package com.trackdesk.mcp.metrics.entity;

import java.util.List;
import java.util.Optional;

/**
 * What one write carries: calls taken from the queue, calls lost since the last successful write, and the
 * latest catalog report if one is waiting.
 */
public record WriteBatch(List<CallMetric> calls, long lostCalls, Optional<CatalogLoad> catalogLoad) {

    public boolean isEmpty() {
        return calls.isEmpty() && lostCalls == 0 && catalogLoad.isEmpty();
    }
}
