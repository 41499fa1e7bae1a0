package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;
import java.util.List;

/**
 * Totals of a time window.
 *
 * @param since          start actually covered: the asked start, rounded down to the minute
 * @param until          end actually covered: the asked end, rounded up to the minute
 * @param lostCalls      calls the recorder reported dropped in this window: the totals miss at least these
 */
public record Summary(Instant since, Instant until, String tenant, long calls, long errors, double errorRate,
                      LatencyPercentiles latency, List<NamedCount> byTool, List<NamedCount> byOperation,
                      List<NamedCount> byOutcome, long zeroResultSearches, long fewResultSearches,
                      long truncatedCalls, long lostCalls) {
}
