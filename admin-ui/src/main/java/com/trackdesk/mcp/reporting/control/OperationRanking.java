package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.reporting.entity.ErrorCount;
import com.trackdesk.mcp.reporting.entity.FailingOperation;
import com.trackdesk.mcp.reporting.entity.OperationSlice;
import com.trackdesk.mcp.reporting.entity.OperationStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operations ranked by use, and operations with failures ranked by failed calls. */
public final class OperationRanking {

    private OperationRanking() {
    }

    public static List<OperationStats> mostCalled(List<OperationSlice> slices, int limit) {
        return byOperation(SummaryCalculator.executed(slices)).values().stream()
                .map(OperationRanking::stats)
                .sorted(Comparator.comparingLong(OperationStats::calls).reversed()
                        .thenComparing(OperationStats::operationId))
                .limit(limit)
                .toList();
    }

    public static List<FailingOperation> failing(List<OperationSlice> slices, int limit) {
        return byOperation(slices).values().stream()
                .map(OperationRanking::failures)
                .filter(operation -> operation.errors() > 0)
                .sorted(Comparator.comparingLong(FailingOperation::errors).reversed()
                        .thenComparing(FailingOperation::operationId))
                .limit(limit)
                .toList();
    }

    private static Map<String, List<OperationSlice>> byOperation(List<OperationSlice> slices) {
        Map<String, List<OperationSlice>> grouped = new LinkedHashMap<>();
        for (OperationSlice slice : slices) {
            grouped.computeIfAbsent(slice.tool() + "\u0000" + slice.operationId(), key -> new ArrayList<>()).add(slice);
        }
        return grouped;
    }

    private static OperationStats stats(List<OperationSlice> slices) {
        SliceTotals totals = SliceTotals.of(slices);
        OperationSlice first = slices.get(0);
        return new OperationStats(first.tool(), SummaryCalculator.operationName(first), totals.calls, totals.errors,
                SummaryCalculator.rate(totals.errors, totals.calls), totals.latency.percentile(0.50),
                totals.latency.percentile(0.95), totals.calls == 0 ? 0 : totals.responseBytes / totals.calls,
                totals.truncatedCalls);
    }

    private static FailingOperation failures(List<OperationSlice> slices) {
        Map<String, ErrorCount> breakdown = new LinkedHashMap<>();
        long calls = 0;
        long errors = 0;
        for (OperationSlice slice : slices) {
            calls += slice.calls();
            if (SummaryCalculator.isError(slice)) {
                errors += slice.calls();
                breakdown.merge(slice.outcome() + "/" + slice.httpStatus(),
                        new ErrorCount(slice.outcome().name(), slice.httpStatus(), slice.calls()),
                        (a, b) -> new ErrorCount(a.outcome(), a.httpStatus(), a.calls() + b.calls()));
            }
        }
        OperationSlice first = slices.get(0);
        return new FailingOperation(first.tool(), SummaryCalculator.operationName(first), calls, errors,
                SummaryCalculator.rate(errors, calls),
                breakdown.values().stream().sorted(Comparator.comparingLong(ErrorCount::calls).reversed()).toList());
    }
}
