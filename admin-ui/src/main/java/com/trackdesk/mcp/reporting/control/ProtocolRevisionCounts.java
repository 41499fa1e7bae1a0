package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls per MCP protocol revision, newest revision first: shows whether clients still use an old revision, so it
 * can be retired. Counted from the call rows (the rollups do not carry the revision).
 */
@ApplicationScoped
public class ProtocolRevisionCounts {

    /** Calls recorded before revisions were (or where the revision was not known). */
    public static final String UNKNOWN = "unknown";

    private MetricsDatabase database;
    private MetricsOptions options;

    protected ProtocolRevisionCounts() {
        // for the CDI proxy
    }

    @Inject
    public ProtocolRevisionCounts(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public List<NamedCount> count(MetricsFilter filter) {
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            TypedQuery<Object[]> query = em.createQuery(
                    "SELECT c.protocolRevision, c.outcome, COUNT(c) FROM CallRecord c"
                            + " WHERE c.calledAt >= :from AND c.calledAt < :to"
                            + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                            + " GROUP BY c.protocolRevision, c.outcome", Object[].class)
                    .setParameter("from", RollupWindows.coveredFrom(filter))
                    .setParameter("to", RollupWindows.coveredTo(filter));
            tenants.ifPresent(labels -> query.setParameter("tenants", labels));
            Map<String, long[]> byRevision = new LinkedHashMap<>();
            query.getResultStream().forEach(row -> {
                long[] counts = byRevision.computeIfAbsent(row[0] == null ? UNKNOWN : (String) row[0], k -> new long[2]);
                long calls = ((Number) row[2]).longValue();
                counts[0] += calls;
                if (row[1] != Outcome.OK) {
                    counts[1] += calls;
                }
            });
            return byRevision.entrySet().stream()
                    .map(entry -> new NamedCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                    .sorted(NEWEST_FIRST)
                    .toList();
        });
    }

    /** Revisions are dates (YYYY-MM-DD), so the newest sorts last as text; "unknown" goes to the end. */
    static final Comparator<NamedCount> NEWEST_FIRST = Comparator
            .comparing((NamedCount count) -> UNKNOWN.equals(count.name()))
            .thenComparing(NamedCount::name, Comparator.reverseOrder());
}
