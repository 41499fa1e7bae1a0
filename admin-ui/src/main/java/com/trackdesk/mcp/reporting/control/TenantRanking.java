package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.TenantSlice;
import com.trackdesk.mcp.reporting.entity.TenantStats;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tenants by calls, with their failures and when they were last seen (to the rollup period). */
public final class TenantRanking {

    private TenantRanking() {
    }

    public static List<TenantStats> rank(List<TenantSlice> slices, int limit) {
        Map<String, TenantStats> tenants = new LinkedHashMap<>();
        for (TenantSlice slice : slices) {
            long errors = slice.outcome() == Outcome.OK ? 0 : slice.calls();
            TenantStats next = new TenantStats(slice.tenant(), slice.calls(), errors, 0,
                    RollupWindows.instant(slice.lastBucket()));
            tenants.merge(slice.tenant(), next, (a, b) -> new TenantStats(a.tenant(), a.calls() + b.calls(),
                    a.errors() + b.errors(), 0, a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen()));
        }
        return tenants.values().stream()
                .map(t -> new TenantStats(t.tenant(), t.calls(), t.errors(), SummaryCalculator.rate(t.errors(), t.calls()),
                        t.lastSeen()))
                .sorted(Comparator.comparingLong(TenantStats::calls).reversed().thenComparing(TenantStats::tenant))
                .limit(limit)
                .toList();
    }
}
