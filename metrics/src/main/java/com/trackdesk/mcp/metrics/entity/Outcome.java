package com.trackdesk.mcp.metrics.entity;

/**
 * How a call to {@code /mcp} ended, one value per reason an operator acts on differently. Stored by name
 * (at most 20 characters): values are only ever added, never renamed, because old rows keep their names.
 */
public enum Outcome {
    /** The tool did its job (search answered; the upstream answered 2xx). */
    OK,
    /** Before V2 every refusal of the caller's input was this; kept so that old rows still read. */
    CLIENT_ERROR,
    /** The upstream answered 4xx other than 401/403. */
    UPSTREAM_4XX,
    /** The upstream answered 5xx. */
    UPSTREAM_5XX,
    /** The upstream did not answer in time. */
    TIMEOUT,
    /** The tenant's circuit breaker was open; nothing was sent. */
    BREAKER_OPEN,
    /** The upstream could not be reached (refused, TLS, DNS). */
    NETWORK_ERROR,
    /** The body was not JSON, not JSON-RPC, or a batch: rejected before any tool ran. */
    MALFORMED_REQUEST,
    /** {@code tools/call} named a tool this server does not have. */
    UNKNOWN_TOOL,
    /** The tool's arguments were wrong or incomplete (empty query, a missing or mistyped value); nothing was sent. */
    VALIDATION,
    /** {@code execute} named an operation the API does not have; the attempted name is recorded. */
    UNKNOWN_OPERATION,
    /** No API key was sent, or the upstream refused it (401/403). */
    AUTH,
    /** The server's policy (read-only mode, allow/deny lists) refused the operation. */
    POLICY,
    /**
     * The tenant's (or the instance's) calls in flight were at their bound and no slot came within the wait in line, or
     * the instance held as many answer bytes as it may ({@code MCP_INSTANCE_ANSWER_BYTES}) until the call's time ran out.
     */
    OVERLOADED,
    /** The Host names no tenant this server serves. */
    UNKNOWN_TENANT,
    /** The upstream's answer was larger than the server reads ({@code MCP_MAX_UPSTREAM_BYTES}); the caller should ask for less. */
    ANSWER_TOO_LARGE;

    public boolean isError() {
        return this != OK;
    }
}
