package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import jakarta.persistence.TypedQuery;

/**
 * The console's drill-down (one tool, one operation, one outcome) as JPQL conditions, the same for the rollups
 * and the call rows: both have {@code tool}, {@code operationId} and {@code outcome}. Values are bound as
 * parameters, never written into the query.
 */
final class DrillDown {

    private DrillDown() {
    }

    /** The conditions for entity alias {@code alias}, each starting with " AND". */
    static String conditions(MetricsFilter filter, String alias) {
        return (filter.tool().isPresent() ? " AND " + alias + ".tool = :drillTool" : "")
                + (filter.operation().isPresent() ? " AND " + alias + ".operationId = :drillOperation" : "")
                + (filter.outcome().isPresent() ? " AND " + alias + ".outcome = :drillOutcome" : "");
    }

    static void bind(MetricsFilter filter, TypedQuery<?> query) {
        filter.tool().ifPresent(tool -> query.setParameter("drillTool", tool));
        filter.operation().ifPresent(operation -> query.setParameter("drillOperation", operation));
        filter.outcome().ifPresent(outcome -> query.setParameter("drillOutcome", outcome));
    }
}
