package com.trackdesk.mcp.execution.entity;

/**
 * The upstream answered with a status worth retrying (502, 503, 504). Thrown so that
 * MicroProfile Fault Tolerance retries idempotent calls; once retries are spent, the last
 * response is reported to the caller as it was.
 */
public class TransientUpstreamStatus extends RuntimeException {

    private final transient UpstreamResponse response;

    public TransientUpstreamStatus(UpstreamResponse response) {
        super("upstream answered " + response.status(), null, false, false);
        this.response = response;
    }

    public UpstreamResponse response() {
        return response;
    }
}
