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
 * @param protocolRevision the MCP protocol revision the call was served under (e.g. "2026-07-28"), when known
 * @param authKind      how the call proved who it is: "HEADER" (X-Api-Key) or "OAUTH" (Bearer), when known
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
        Optional<String> protocolRevision,
        Optional<String> authKind,
        Optional<String> client) {

    /** A call whose protocol revision, auth kind and client are not known (yet): see the {@code with…} methods. */
    public CallMetric(Instant at, String tenant, String tool, Optional<String> operationId, Outcome outcome,
                      int httpStatus, long latencyMicros, long responseBytes, Optional<Integer> resultCount,
                      boolean truncated, Optional<String> queryText) {
        this(at, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes, resultCount, truncated,
                queryText, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public CallMetric withProtocolRevision(Optional<String> revision) {
        return new CallMetric(at, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes,
                resultCount, truncated, queryText, revision, authKind, client);
    }

    public CallMetric withAuthKind(Optional<String> kind) {
        return new CallMetric(at, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes,
                resultCount, truncated, queryText, protocolRevision, kind, client);
    }

    public CallMetric withClient(Optional<String> source) {
        return new CallMetric(at, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes,
                resultCount, truncated, queryText, protocolRevision, authKind, source);
    }
}
