package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Calls and failed calls per value of one call-row column that the rollups do not carry (the instance, the
 * protocol revision), in the filter's window and tenant. Rows without a value count under {@link #UNKNOWN}.
 */
final class CallsPerColumn {

    /** Rows recorded before the column was kept, or where its value was not known. */
    static final String UNKNOWN = "unknown";

    private CallsPerColumn() {
    }

    /** @param column a {@code CallRecord} field name: a constant of the caller, never input */
    static List<NamedCount> count(EntityManager em, MetricsOptions options, MetricsFilter filter, String column) {
        Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
        TypedQuery<Object[]> query = em.createQuery(
                        "SELECT c." + column + ", COUNT(c), SUM(CASE WHEN c.outcome = :ok THEN 0 ELSE 1 END)"
                                + " FROM CallRecord c WHERE c.calledAt >= :from AND c.calledAt < :to"
                                + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                                + " GROUP BY c." + column, Object[].class)
                .setParameter("ok", Outcome.OK)
                .setParameter("from", RollupWindows.coveredFrom(filter))
                .setParameter("to", RollupWindows.coveredTo(filter));
        tenants.ifPresent(labels -> query.setParameter("tenants", labels));
        return query.getResultStream()
                .map(row -> new NamedCount(row[0] == null ? UNKNOWN : (String) row[0],
                        ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()))
                .toList();
    }
}
