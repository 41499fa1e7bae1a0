package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.reporting.entity.OperationSlice;

/**
 * What a set of operation slices adds up to: calls, failed calls, response bytes, truncated answers,
 * searches with no or few hits, and the latency histogram. One sum for the summary, the operation ranking
 * and the search quality page, so that they cannot count differently.
 */
final class SliceTotals {

    final Histogram latency = new Histogram();
    long calls;
    long errors;
    long responseBytes;
    long truncatedCalls;
    long zeroResultCalls;
    long fewResultCalls;

    private SliceTotals() {
    }

    static SliceTotals of(Iterable<OperationSlice> slices) {
        SliceTotals totals = new SliceTotals();
        for (OperationSlice slice : slices) {
            totals.latency.add(slice.latencyBucket(), slice.calls());
            totals.calls += slice.calls();
            totals.errors += SummaryCalculator.isError(slice) ? slice.calls() : 0;
            totals.responseBytes += slice.responseBytes();
            totals.truncatedCalls += slice.truncatedCalls();
            totals.zeroResultCalls += slice.zeroResultCalls();
            totals.fewResultCalls += slice.fewResultCalls();
        }
        return totals;
    }
}
