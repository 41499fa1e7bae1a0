package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDateTime;

/**
 * Pre-added calls of one minute or one hour (see {@link RollupKey}), per {@link CallDimensions}. The version column lets several
 * server instances add to the same row without losing each other's counts.
 */
@Entity
@Table(name = "call_rollup")
public class CallRollup extends CallDimensions {

    @Id
    @SequenceGenerator(name = "call_rollup_ids", sequenceName = "call_rollup_seq", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_rollup_ids")
    private Long id;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Column(name = "bucket_start", nullable = false)
    private LocalDateTime bucketStart;

    @Column(name = "latency_bucket", nullable = false)
    private int latencyBucket;

    @Column(name = "calls", nullable = false)
    private long calls;

    @Column(name = "latency_micros_total", nullable = false)
    private long latencyMicrosTotal;

    @Column(name = "response_bytes_total", nullable = false)
    private long responseBytesTotal;

    @Column(name = "truncated_calls", nullable = false)
    private long truncatedCalls;

    @Column(name = "zero_result_calls", nullable = false)
    private long zeroResultCalls;

    @Column(name = "low_result_calls", nullable = false)
    private long lowResultCalls;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    protected CallRollup() {
        // for JPA
    }

    public CallRollup(RollupKey key) {
        super(key.tenant(), key.tool(), key.operationId(), key.outcome(), key.httpStatus());
        this.resolutionMinutes = key.resolutionMinutes();
        this.bucketStart = key.bucketStart();
        this.latencyBucket = key.latencyBucket();
    }

    public RollupKey key() {
        return new RollupKey(resolutionMinutes, bucketStart, tenant(), tool(), operationId(), outcome(), httpStatus(),
                latencyBucket);
    }

    public void add(RollupTotals totals) {
        calls += totals.calls();
        latencyMicrosTotal += totals.latencyMicros();
        responseBytesTotal += totals.responseBytes();
        truncatedCalls += totals.truncatedCalls();
        zeroResultCalls += totals.zeroResultCalls();
        lowResultCalls += totals.lowResultCalls();
    }

    public long calls() { return calls; }
    public long latencyMicrosTotal() { return latencyMicrosTotal; }
}
