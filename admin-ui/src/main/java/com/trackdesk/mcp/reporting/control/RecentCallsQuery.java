package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.CallRecord;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.RecentCall;
import com.trackdesk.mcp.reporting.entity.RecentCallsPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The recent-calls log: single call rows of the filtered range, newest first, a page at a time. */
@ApplicationScoped
public class RecentCallsQuery {

    public static final int MAX_PAGE_SIZE = 200;

    private MetricsDatabase database;
    private MetricsOptions options;

    protected RecentCallsQuery() {
        // for the CDI proxy
    }

    @Inject
    public RecentCallsQuery(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public RecentCallsPage page(MetricsFilter filter, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        int number = Math.max(0, page);
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            TypedQuery<CallRecord> query = em.createQuery("SELECT c FROM CallRecord c"
                            + " WHERE c.calledAt >= :from AND c.calledAt < :to"
                            + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                            + DrillDown.conditions(filter, "c")
                            + " ORDER BY c.calledAt DESC, c.id DESC", CallRecord.class)
                    .setParameter("from", LocalDateTime.ofInstant(filter.since(), ZoneOffset.UTC))
                    .setParameter("to", LocalDateTime.ofInstant(filter.until(), ZoneOffset.UTC))
                    .setFirstResult(number * size)
                    // one more than asked tells whether an older page exists
                    .setMaxResults(size + 1);
            tenants.ifPresent(labels -> query.setParameter("tenants", labels));
            DrillDown.bind(filter, query);
            List<CallRecord> rows = query.getResultList();
            List<RecentCall> calls = rows.stream().limit(size).map(RecentCallsQuery::toCall).toList();
            return new RecentCallsPage(calls, number, size, rows.size() > size);
        });
    }

    private static RecentCall toCall(CallRecord row) {
        return new RecentCall(row.calledAt().toInstant(ZoneOffset.UTC), row.tenant(), row.tool(), row.operationId(),
                row.outcome().name(), row.httpStatus(), row.latencyMicros(), row.responseBytes(), row.resultCount(),
                row.truncated(), row.clientRef());
    }
}
