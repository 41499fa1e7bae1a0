package com.trackdesk.mcp.metrics.entity;

/** Sums over the calls of one rollup key. Mutable while one batch is being added up. */
public final class RollupTotals {

    private long calls;
    private long latencyMicros;
    private long responseBytes;
    private long truncatedCalls;
    private long zeroResultCalls;
    private long lowResultCalls;

    public void add(long latencyMicros, long responseBytes, boolean truncated, boolean zeroResults,
                    boolean lowResults) {
        this.calls++;
        this.latencyMicros += latencyMicros;
        this.responseBytes += responseBytes;
        if (truncated) truncatedCalls++;
        if (zeroResults) zeroResultCalls++;
        if (lowResults) lowResultCalls++;
    }

    public long calls() { return calls; }
    public long latencyMicros() { return latencyMicros; }
    public long responseBytes() { return responseBytes; }
    public long truncatedCalls() { return truncatedCalls; }
    public long zeroResultCalls() { return zeroResultCalls; }
    public long lowResultCalls() { return lowResultCalls; }
}
