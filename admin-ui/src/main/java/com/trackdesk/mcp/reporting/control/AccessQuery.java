package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.reporting.entity.AccessCounts;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** Counts calls by auth kind (from the call rows) and OAuth sign-ins in the filter's time range. */
@ApplicationScoped
public class AccessQuery {

    private MetricsDatabase database;
    private MetricsOptions options;

    protected AccessQuery() {
        // for the CDI proxy
    }

    @Inject
    public AccessQuery(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public AccessCounts counts(MetricsFilter filter) {
        LocalDateTime from = LocalDateTime.ofInstant(filter.since(), ZoneOffset.UTC);
        LocalDateTime to = LocalDateTime.ofInstant(filter.until(), ZoneOffset.UTC);
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            TypedQuery<Object[]> calls = em.createQuery("SELECT c.authKind, COUNT(c) FROM CallRecord c"
                    + " WHERE c.calledAt >= :from AND c.calledAt < :to"
                    + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                    + " GROUP BY c.authKind", Object[].class)
                    .setParameter("from", from).setParameter("to", to);
            tenants.ifPresent(labels -> calls.setParameter("tenants", labels));
            long header = 0;
            long oauth = 0;
            long unknown = 0;
            for (Object[] row : calls.getResultList()) {
                long count = ((Number) row[1]).longValue();
                if ("HEADER".equals(row[0])) {
                    header += count;
                } else if ("OAUTH".equals(row[0])) {
                    oauth += count;
                } else {
                    unknown += count;
                }
            }
            long signIns = 0;
            long failed = 0;
            for (Object[] row : em.createQuery("SELECT s.succeeded, COUNT(s) FROM SignInRecord s"
                            + " WHERE s.signedInAt >= :from AND s.signedInAt < :to GROUP BY s.succeeded", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                if (Boolean.TRUE.equals(row[0])) {
                    signIns += ((Number) row[1]).longValue();
                } else {
                    failed += ((Number) row[1]).longValue();
                }
            }
            return new AccessCounts(header, oauth, unknown, signIns, failed);
        });
    }
}
