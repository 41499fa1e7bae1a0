package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.control.Rollups;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.ExportRow;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.OperationSlice;
import com.trackdesk.mcp.reporting.entity.RollupSegment;
import com.trackdesk.mcp.reporting.entity.TenantSlice;
import com.trackdesk.mcp.reporting.entity.TimeSlice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads rollups for a filter: one grouped query per rollup segment, so the work grows with the number of
 * distinct operations and periods, not with the number of calls.
 */
@ApplicationScoped
public class RollupReader {

    private static final String WHERE = " FROM CallRollup r WHERE r.resolutionMinutes = :resolution"
            + " AND r.bucketStart >= :from AND r.bucketStart < :to";
    private static final String TENANTS = " AND r.tenant IN :tenants";
    private static final String ALL_TENANTS = " AND r.tenant = '" + Rollups.ALL_TENANTS + "'";
    private static final String EACH_TENANT = " AND r.tenant <> '" + Rollups.ALL_TENANTS + "'";

    private MetricsDatabase database;
    private MetricsOptions options;

    protected RollupReader() {
        // for the CDI proxy
    }

    @Inject
    public RollupReader(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public List<OperationSlice> operationSlices(MetricsFilter filter) {
        return collect(filter, "SELECT r.tool, r.operationId, r.outcome, r.httpStatus, r.latencyBucket,"
                        + " SUM(r.calls), SUM(r.latencyMicrosTotal), SUM(r.responseBytesTotal), SUM(r.truncatedCalls),"
                        + " SUM(r.zeroResultCalls), SUM(r.lowResultCalls)",
                " GROUP BY r.tool, r.operationId, r.outcome, r.httpStatus, r.latencyBucket",
                row -> new OperationSlice((String) row[0], (String) row[1], (Outcome) row[2], (Integer) row[3],
                        (Integer) row[4], number(row[5]), number(row[6]), number(row[7]), number(row[8]),
                        number(row[9]), number(row[10])));
    }

    public List<TimeSlice> timeSlices(MetricsFilter filter) {
        return collect(filter, "SELECT r.bucketStart, r.outcome, r.latencyBucket, SUM(r.calls)",
                " GROUP BY r.bucketStart, r.outcome, r.latencyBucket",
                row -> new TimeSlice((LocalDateTime) row[0], (Outcome) row[1], (Integer) row[2], number(row[3])));
    }

    public List<TenantSlice> tenantSlices(MetricsFilter filter) {
        return collect(filter, "SELECT r.tenant, r.outcome, SUM(r.calls), MAX(r.bucketStart)",
                EACH_TENANT + " GROUP BY r.tenant, r.outcome",
                row -> new TenantSlice((String) row[0], (Outcome) row[1], number(row[2]), (LocalDateTime) row[3]));
    }

    /** Streams aggregate rows of one resolution, oldest first, to {@code sink}. */
    public void exportRows(MetricsFilter filter, int resolutionMinutes, Consumer<ExportRow> sink) {
        database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            RollupSegment segment = new RollupSegment(resolutionMinutes,
                    RollupWindows.coveredFrom(filter), RollupWindows.coveredTo(filter));
            query(em, "SELECT r.bucketStart, r.tenant, r.tool, r.operationId, r.outcome, r.httpStatus, SUM(r.calls),"
                            + " SUM(r.latencyMicrosTotal), SUM(r.responseBytesTotal), SUM(r.truncatedCalls),"
                            + " SUM(r.zeroResultCalls), SUM(r.lowResultCalls)",
                    EACH_TENANT + " GROUP BY r.bucketStart, r.tenant, r.tool, r.operationId, r.outcome, r.httpStatus"
                            + " ORDER BY r.bucketStart, r.tenant, r.tool, r.operationId, r.outcome, r.httpStatus",
                    segment, tenants, filter)
                    .getResultStream()
                    .forEach(row -> {
                        long calls = number(row[6]);
                        long latency = number(row[7]);
                        sink.accept(new ExportRow(RollupWindows.instant((LocalDateTime) row[0]), resolutionMinutes,
                                (String) row[1], (String) row[2], (String) row[3], String.valueOf(row[4]),
                                (Integer) row[5], calls, latency, calls == 0 ? 0 : latency / calls, number(row[8]),
                                number(row[9]), number(row[10]), number(row[11])));
                    });
            return null;
        });
    }

    /** Lost calls the recorder reported within the window. */
    public long lostCalls(MetricsFilter filter) {
        return database.read(em -> number(em.createQuery("SELECT SUM(l.lostRows) FROM RecordingLoss l"
                        + " WHERE l.reportedAt >= :from AND l.reportedAt < :to")
                .setParameter("from", RollupWindows.coveredFrom(filter))
                .setParameter("to", RollupWindows.coveredTo(filter))
                .getSingleResult()));
    }

    private <T> List<T> collect(MetricsFilter filter, String select, String tail, Function<Object[], T> mapper) {
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            List<T> result = new ArrayList<>();
            for (RollupSegment segment : RollupWindows.segments(filter)) {
                query(em, select, tail, segment, tenants, filter).getResultStream().map(mapper).forEach(result::add);
            }
            return result;
        });
    }

    /**
     * Without a tenant filter the all-tenant rows answer, unless {@code tail} asks for each tenant's rows
     * itself (tenant list, export).
     */
    private static TypedQuery<Object[]> query(EntityManager em, String select, String tail, RollupSegment segment,
                                              Optional<Set<String>> tenants, MetricsFilter filter) {
        String tenantCondition = tenants.isPresent() ? TENANTS : tail.startsWith(EACH_TENANT) ? "" : ALL_TENANTS;
        String drillDown = DrillDown.conditions(filter, "r");
        TypedQuery<Object[]> query = em.createQuery(select + WHERE + tenantCondition + drillDown + tail, Object[].class)
                .setParameter("resolution", segment.resolutionMinutes())
                .setParameter("from", segment.from())
                .setParameter("to", segment.to());
        tenants.ifPresent(labels -> query.setParameter("tenants", labels));
        DrillDown.bind(filter, query);
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
