package com.trackdesk.mcp.execution.entity;

/**
 * The upstream could not be reached or did not answer in time. The message says what happened in
 * words an assistant can act on; it never contains the API key or a stack trace.
 */
public class UpstreamFailure extends RuntimeException {

    public enum Kind { TIMEOUT, CONNECTION_REFUSED, TLS, UNKNOWN_HOST, NETWORK, BREAKER_OPEN, OVERLOADED }

    private final Kind kind;

    public UpstreamFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
