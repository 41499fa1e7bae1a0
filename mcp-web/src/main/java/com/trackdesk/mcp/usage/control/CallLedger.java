package com.trackdesk.mcp.usage.control;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * What the metrics need to know about the one HTTP request to {@code /mcp} being served: when it started, which
 * client sent it (in a form that is hashed before it is stored), and whether a tool already recorded it. A
 * request that no tool recorded was rejected before a tool ran, and is recorded on its way out.
 */
@RequestScoped
public class CallLedger {

    private long startedNanos = System.nanoTime();
    private String client;
    private boolean recorded;

    public void begin(long startedNanos, String client) {
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
