package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Calls and failed calls per server instance, from the call rows (the rollups have no instance): in a
 * cluster sharing one database, which instance served how much. Rows from before instances were recorded
 * are counted under "unknown".
 */
@ApplicationScoped
public class InstanceShares {

    static final String UNKNOWN = "unknown";

    private MetricsDatabase database;
    private MetricsOptions options;

    protected InstanceShares() {
        // for the CDI proxy
    }

    @Inject
    public InstanceShares(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    /** Busiest instance first. */
    public List<NamedCount> byInstance(MetricsFilter filter) {
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            TypedQuery<Object[]> query = em.createQuery(
                            "SELECT c.instance, COUNT(c), SUM(CASE WHEN c.outcome = :ok THEN 0 ELSE 1 END)"
                                    + " FROM CallRecord c WHERE c.calledAt >= :from AND c.calledAt < :to"
                                    + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                                    + " GROUP BY c.instance ORDER BY COUNT(c) DESC", Object[].class)
                    .setParameter("ok", Outcome.OK)
                    .setParameter("from", RollupWindows.coveredFrom(filter))
                    .setParameter("to", RollupWindows.coveredTo(filter));
            tenants.ifPresent(labels -> query.setParameter("tenants", labels));
            return query.getResultStream()
                    .map(row -> new NamedCount(row[0] == null ? UNKNOWN : (String) row[0],
                            ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()))
                    .toList();
        });
    }
}
