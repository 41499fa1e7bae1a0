package com.trackdesk.mcp.metrics.entity;

/** How a tool call ended, as an operator wants to count it. */
public enum Outcome {
    /** The tool did its job (search answered; the upstream answered 2xx). */
    OK,
    /** The caller's input was wrong or incomplete; nothing was sent upstream (validation, missing key, policy). */
    CLIENT_ERROR,
    /** The upstream answered 4xx. */
    UPSTREAM_4XX,
    /** The upstream answered 5xx. */
    UPSTREAM_5XX,
    /** The upstream did not answer in time. */
    TIMEOUT,
    /** The tenant's circuit breaker was open; nothing was sent. */
    BREAKER_OPEN,
    /** The upstream could not be reached (refused, TLS, DNS, overload of this server). */
    NETWORK_ERROR
}
