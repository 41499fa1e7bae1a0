package com.trackdesk.mcp.execution.entity;

/**
 * The upstream could not be reached, did not answer in time, or answered more than this server reads. The message
 * says what happened in words an assistant can act on; it never contains the API key or a stack trace.
 */
public class UpstreamFailure extends RuntimeException {

    public enum Kind {
        TIMEOUT, CONNECTION_REFUSED, TLS, UNKNOWN_HOST, NETWORK, BREAKER_OPEN, OVERLOADED,
        /** The upstream answered, with more bytes than {@code MCP_MAX_UPSTREAM_BYTES}: it is healthy, the ask was too big. */
        ANSWER_TOO_LARGE,
        /**
         * The upstream answered, but this server held as many answer bytes as it may ({@code MCP_INSTANCE_ANSWER_BYTES})
         * until the call's time ran out: it is healthy, this server is busy.
         */
        NO_ROOM_TO_READ
    }

    private final Kind kind;

    public UpstreamFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
