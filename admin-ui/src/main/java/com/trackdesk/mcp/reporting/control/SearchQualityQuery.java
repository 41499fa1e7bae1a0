package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.control.Rollups;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.OperationSlice;
import com.trackdesk.mcp.reporting.entity.PoorSearch;
import com.trackdesk.mcp.reporting.entity.SearchQuality;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Searches that found nothing or little. Totals come from the rollups; the list of texts comes from the
 * call rows (only those with few hits, through an index), and holds texts only where storing them was
 * enabled.
 */
@ApplicationScoped
public class SearchQualityQuery {

    static final String SEARCH = "search";

    private MetricsDatabase database;
    private MetricsOptions options;

    protected SearchQualityQuery() {
        // for the CDI proxy
    }

    @Inject
    public SearchQualityQuery(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public SearchQuality quality(MetricsFilter filter, List<OperationSlice> slices, int limit) {
        SliceTotals searches = SliceTotals.of(slices.stream().filter(slice -> SEARCH.equals(slice.tool())).toList());
        return new SearchQuality(searches.calls, searches.zeroResultCalls, searches.fewResultCalls, Rollups.FEW_RESULTS,
                options.storeQueries(), poorSearches(filter, limit));
    }

    private List<PoorSearch> poorSearches(MetricsFilter filter, int limit) {
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            TypedQuery<Object[]> query = em.createQuery(
                            "SELECT c.queryText, COUNT(c), MAX(c.resultCount), MAX(c.calledAt) FROM CallRecord c"
                                    + " WHERE c.tool = :search AND c.resultCount <= :few"
                                    + " AND c.calledAt >= :from AND c.calledAt < :to"
                                    + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                                    + " GROUP BY c.queryText ORDER BY COUNT(c) DESC", Object[].class)
                    .setParameter("search", SEARCH)
                    .setParameter("few", Rollups.FEW_RESULTS)
                    .setParameter("from", RollupWindows.coveredFrom(filter))
                    .setParameter("to", RollupWindows.coveredTo(filter))
                    .setMaxResults(limit);
            tenants.ifPresent(labels -> query.setParameter("tenants", labels));
            return query.getResultStream()
                    .map(row -> new PoorSearch((String) row[0], ((Number) row[1]).longValue(),
                            ((Number) row[2]).intValue(), RollupWindows.instant((LocalDateTime) row[3])))
                    .toList();
        });
    }
}
