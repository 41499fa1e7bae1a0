package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.CallRecord;
import com.trackdesk.mcp.metrics.entity.CallRollup;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.RecordingLoss;
import com.trackdesk.mcp.metrics.entity.RollupKey;
import com.trackdesk.mcp.metrics.entity.RollupTotals;
import com.trackdesk.mcp.metrics.entity.WriteBatch;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores one batch of calls and adds them to the rollups, in one (container) transaction so that rows and
 * rollups always agree. Another instance writing to the same rollup row at the same time makes the transaction
 * fail (unique key or row version); it is then run again, in a new transaction, on fresh rows.
 */
public class MetricsWriter {

    private static final int ATTEMPTS = 3;
    private static final int MAX_OPERATION_ID = 200;
    private static final int MAX_TOOL = 20;
    private static final int MAX_QUERY_TEXT = 500;
    private static final int MAX_PROTOCOL_REVISION = 20;
    private static final int MAX_AUTH_KIND = 10;
    private static final int MAX_INSTANCE = 100;

    private final MetricsDatabase database;
    private final MetricsOptions options;
    private final Clock clock;
    // set only after a commit, so a salt that was rolled back is never used
    private volatile TenantLabels labels;

    public MetricsWriter(MetricsDatabase database, MetricsOptions options, Clock clock) {
        this.database = database;
        this.options = options;
        this.clock = clock;
    }

    /** Throws when the batch could not be stored; then nothing of it was. */
    public void write(WriteBatch batch) {
        if (!database.open()) {
            throw new MetricsDatabaseUnavailable("metrics database unavailable: " + database.lastFailure());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                labels = database.inTransaction(em -> writeIn(em, batch));
                return;
            } catch (PersistenceException e) {
                if (attempt == ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Another writer got to the same rollup row (or salt) first, or the database chose this transaction as a
     * deadlock victim (two instances adding to the same rollup rows): worth running again on fresh rows.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // EclipseLink reports a version conflict at commit with its own OptimisticLockException class
            if (cause instanceof OptimisticLockException
                    || cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
            // SQLSTATE class 23: integrity constraint (unique key); class 40: transaction rollback (deadlock
            // 40P01, serialization failure 40001)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private TenantLabels writeIn(EntityManager em, WriteBatch batch) {
        TenantLabels tenantLabels = labels != null ? labels
                : new TenantLabels(options.tenantMode(), TenantSalt.obtain(em, options.tenantSalt()));
        List<CallRecord> records = batch.calls().stream().map(call -> toRecord(call, tenantLabels)).toList();
        records.forEach(em::persist);
        addToRollups(em, Rollups.of(records));
        if (batch.lostCalls() > 0) {
            em.persist(new RecordingLoss(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), batch.lostCalls()));
        }
        batch.catalogLoad().ifPresent(em::persist);
        return tenantLabels;
    }

    private CallRecord toRecord(CallMetric call, TenantLabels tenantLabels) {
        return new CallRecord(
                LocalDateTime.ofInstant(call.at(), ZoneOffset.UTC),
                tenantLabels.labelOf(call.tenant()),
                cut(String.valueOf(call.tool()), MAX_TOOL),
                call.operationId().map(id -> cut(id, MAX_OPERATION_ID)).orElse(null),
                call.outcome(),
                call.httpStatus(),
                Math.max(0, call.latencyMicros()),
                Math.max(0, call.responseBytes()),
                call.resultCount().orElse(null),
                call.truncated(),
                options.storeQueries() ? call.queryText().map(text -> cut(text, MAX_QUERY_TEXT)).orElse(null) : null,
                call.protocolRevision().map(revision -> cut(revision, MAX_PROTOCOL_REVISION)).orElse(null),
                call.authKind().map(kind -> cut(kind, MAX_AUTH_KIND)).orElse(null),
                call.client().map(tenantLabels::clientLabelOf).orElse(null),
                options.instanceName().isBlank() ? null : cut(options.instanceName(), MAX_INSTANCE));
    }

    private static void addToRollups(EntityManager em, Map<RollupKey, RollupTotals> totals) {
        totals.keySet().stream().map(RollupKey::resolutionMinutes).distinct().forEach(resolution -> {
            // one order for every writer, so that two instances lock the same rollup rows in the same order
            List<RollupKey> keys = totals.keySet().stream().filter(k -> k.resolutionMinutes() == resolution)
                    .sorted(Comparator.comparing(RollupKey::toString)).toList();
            Map<RollupKey, CallRollup> existing = em.createQuery(
                            "SELECT r FROM CallRollup r WHERE r.resolutionMinutes = :resolution"
                                    + " AND r.bucketStart IN :buckets AND r.tenant IN :tenants"
                                    + " AND r.operationId IN :operations", CallRollup.class)
                    .setParameter("resolution", resolution)
                    .setParameter("buckets", distinct(keys, RollupKey::bucketStart))
                    .setParameter("tenants", distinct(keys, RollupKey::tenant))
                    .setParameter("operations", distinct(keys, RollupKey::operationId))
                    .getResultStream()
                    .collect(Collectors.toMap(CallRollup::key, Function.identity()));
            for (RollupKey key : keys) {
                CallRollup rollup = existing.get(key);
                if (rollup == null) {
                    rollup = new CallRollup(key);
                    em.persist(rollup);
                }
                rollup.add(totals.get(key));
            }
        });
    }

    private static <T> Set<T> distinct(List<RollupKey> keys, Function<RollupKey, T> part) {
        return keys.stream().map(part).collect(Collectors.toSet());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
