package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.CallRecord;
import com.trackdesk.mcp.metrics.entity.RollupKey;
import com.trackdesk.mcp.metrics.entity.RollupTotals;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up calls into per-minute and per-hour rollup rows, each twice: once for the call's tenant and once
 * for all tenants together ({@link #ALL_TENANTS}). The console's default view covers all tenants; with many
 * tenants the per-tenant rows of a period are many times more than the all-tenant ones, so reading the
 * latter keeps that view fast.
 */
public final class Rollups {

    public static final int MINUTE = 1;
    public static final int HOUR = 60;
    /** A search with at least one but at most this many hits counts as one with few results. */
    public static final int FEW_RESULTS = 2;
    /** The tenant of the rollup rows that count every tenant's calls; no tenant label can be this. */
    public static final String ALL_TENANTS = "*";

    private Rollups() {
    }

    public static Map<RollupKey, RollupTotals> of(List<CallRecord> records) {
        Map<RollupKey, RollupTotals> totals = new HashMap<>();
        for (CallRecord record : records) {
            for (String tenant : new String[] {record.tenant(), ALL_TENANTS}) {
                add(totals, MINUTE, record.calledAt().truncatedTo(ChronoUnit.MINUTES), tenant, record);
                add(totals, HOUR, record.calledAt().truncatedTo(ChronoUnit.HOURS), tenant, record);
            }
        }
        return totals;
    }

    private static void add(Map<RollupKey, RollupTotals> totals, int resolution, LocalDateTime bucket, String tenant,
                            CallRecord record) {
        RollupKey key = new RollupKey(resolution, bucket, tenant, record.tool(),
                record.operationId() == null ? "" : record.operationId(), record.outcome(),
                record.httpStatus(), LatencyBuckets.bucketOf(record.latencyMicros()));
        Integer hits = record.resultCount();
        totals.computeIfAbsent(key, k -> new RollupTotals()).add(record.latencyMicros(), record.responseBytes(),
                record.truncated(), hits != null && hits == 0, hits != null && hits > 0 && hits <= FEW_RESULTS);
    }
}
