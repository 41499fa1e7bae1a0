package com.trackdesk.mcp.usage.control;

import java.util.Optional;

/**
 * What the metrics need to know about the one HTTP request to {@code /mcp} being served: when it started, which
 * client sent it (in a form that is hashed before it is stored), and whether a tool already recorded it. A
 * request that no tool recorded was rejected before a tool ran, and is recorded on its way out.
 *
 * <p>A plain object carried as a request property ({@link #PROPERTY}) and in the tool's transport context, not a
 * request-scoped CDI bean: Payara scans a bean's declared methods and fields by reflection for resource injection
 * each time it creates one, i.e. on every request.
 */
public final class CallLedger {

    public static final String PROPERTY = CallLedger.class.getName();

    private final long startedNanos;
    private final String client;
    // an answer streamed over SSE is recorded on another thread than the one that checks it
    private volatile boolean recorded;

    public CallLedger(long startedNanos, String client) {
        this.startedNanos = startedNanos;
        this.client = client;
    }

    public long elapsedMicros() {
        return (System.nanoTime() - startedNanos) / 1_000;
    }

    /** Network address and User-Agent of the caller; never anything of the API key. */
    public Optional<String> client() {
        return Optional.ofNullable(client);
    }

    public void markRecorded() {
        recorded = true;
    }

    public boolean recorded() {
        return recorded;
    }
}
