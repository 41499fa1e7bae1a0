package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import com.trackdesk.mcp.reporting.entity.OperationSlice;
import com.trackdesk.mcp.reporting.entity.Summary;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Totals per tool, operation and outcome, and latency percentiles, from operation slices. */
public final class SummaryCalculator {

    /** What an operation id is shown as when a call had none (a search without hits, a refused call). */
    public static final String NO_OPERATION = "(none)";
    static final String SEARCH = "search";

    private SummaryCalculator() {
    }

    public static Summary summarize(MetricsFilter filter, List<OperationSlice> slices, long lostCalls) {
        SliceTotals totals = SliceTotals.of(slices);
        return new Summary(RollupWindows.instant(RollupWindows.coveredFrom(filter)),
                RollupWindows.instant(RollupWindows.coveredTo(filter)), filter.tenant().orElse(null),
                totals.calls, totals.errors, rate(totals.errors, totals.calls), totals.latency.percentiles(),
                countBy(slices, OperationSlice::tool),
                countBy(executed(slices), SummaryCalculator::operationName),
                countBy(slices, slice -> slice.outcome().name()),
                totals.zeroResultCalls, totals.fewResultCalls, totals.truncatedCalls, lostCalls);
    }

    /**
     * The slices of calls that named an operation to run. A search row carries its top hit, which is how its
     * follow-up is found, but a search is not a use of that operation: it stays out of operation rankings.
     */
    static List<OperationSlice> executed(List<OperationSlice> slices) {
        return slices.stream().filter(slice -> !SEARCH.equals(slice.tool())).toList();
    }

    static boolean isError(OperationSlice slice) {
        return slice.outcome() != Outcome.OK;
    }

    static String operationName(OperationSlice slice) {
        return slice.operationId().isEmpty() ? NO_OPERATION : slice.operationId();
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static List<NamedCount> countBy(List<OperationSlice> slices, Function<OperationSlice, String> name) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (OperationSlice slice : slices) {
            long[] count = counts.computeIfAbsent(name.apply(slice), n -> new long[2]);
            count[0] += slice.calls();
            count[1] += isError(slice) ? slice.calls() : 0;
        }
        return counts.entrySet().stream()
                .map(entry -> new NamedCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparingLong(NamedCount::calls).reversed().thenComparing(NamedCount::name))
                .toList();
    }
}
