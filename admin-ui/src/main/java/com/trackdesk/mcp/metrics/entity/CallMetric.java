package com.trackdesk.mcp.metrics.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * One tool call, anonymised: what was called, how it ended and how long it took. Never a token
 * (not even a hash of one), never request or response bodies.
 *
 * @param tenant        the tenant name as the server resolved it; the recorder stores it hashed unless configured otherwise
 * @param tool          "search" or "execute"
 * @param operationId   the operation executed (execute), or the top hit (search), when there is one
 * @param httpStatus    the upstream status for execute, 0 when no upstream call was made
 * @param latencyMicros time spent serving the tool call
 * @param responseBytes size of the tool result's text
 * @param resultCount   number of hits (search only)
 * @param truncated     the answer was cut to fit
 * @param queryText     the search text; stored only when an admin enabled it
 * @param client        what tells one MCP client from another without naming it (network address and User-Agent,
 *                      never anything of the token); stored only as a salted hash, to follow a search to the
 *                      execute that used it
 */
public record CallMetric(
        Instant at,
        String tenant,
        String tool,
        Optional<String> operationId,
        Outcome outcome,
        int httpStatus,
        long latencyMicros,
        long responseBytes,
        Optional<Integer> resultCount,
        boolean truncated,
        Optional<String> queryText,
        Optional<String> client) {

    /** A call whose client is not known (yet): {@link #withClient} adds it. */
    public CallMetric(Instant at, String tenant, String tool, Optional<String> operationId, Outcome outcome,
                      int httpStatus, long latencyMicros, long responseBytes, Optional<Integer> resultCount,
                      boolean truncated, Optional<String> queryText) {
        this(at, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes, resultCount, truncated,
                queryText, Optional.empty());
    }

    public CallMetric withClient(Optional<String> source) {
        return new CallMetric(at, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes,
                resultCount, truncated, queryText, source);
    }
}
