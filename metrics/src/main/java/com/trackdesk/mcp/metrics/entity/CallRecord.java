package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * One stored tool call (its tenant, tool, operation and outcome: {@link CallDimensions}). Times are UTC. The tenant is already a label (a salted hash unless plain names
 * were configured); there is no column for tokens or bodies.
 */
@Entity
@Table(name = "call_metric")
public class CallRecord extends CallDimensions {

    @Id
    @SequenceGenerator(name = "call_metric_ids", sequenceName = "call_metric_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_metric_ids")
    private Long id;

    @Column(name = "called_at", nullable = false)
    private LocalDateTime calledAt;

    @Column(name = "latency_micros", nullable = false)
    private long latencyMicros;

    @Column(name = "response_bytes", nullable = false)
    private long responseBytes;

    @Column(name = "result_count")
    private Integer resultCount;

    @Column(name = "truncated", nullable = false)
    private boolean truncated;

    @Column(name = "query_text", length = 500)
    private String queryText;

    @Column(name = "protocol_revision", length = 20)
    private String protocolRevision;

    @Column(name = "auth_kind", length = 10)
    private String authKind;

    /** Since V2: a salted hash of the calling client's address and User-Agent ("c-" + 12 hex), or null. */
    @Column(name = "client_ref", length = 20)
    private String clientRef;

    /** The server instance that served the call; null for rows written before instances were recorded. */
    @Column(name = "instance", length = 100)
    private String instance;

    protected CallRecord() {
        // for JPA
    }

    public CallRecord(LocalDateTime calledAt, String tenant, String tool, String operationId, Outcome outcome,
                      int httpStatus, long latencyMicros, long responseBytes, Integer resultCount,
                      boolean truncated, String queryText) {
        super(tenant, tool, operationId, outcome, httpStatus);
        this.calledAt = calledAt;
        this.latencyMicros = latencyMicros;
        this.responseBytes = responseBytes;
        this.resultCount = resultCount;
        this.truncated = truncated;
        this.queryText = queryText;
    }

    /**
     * With the MCP protocol revision, how the call authenticated, the client's reference and the instance that
     * served it (each null when unknown).
     */
    public CallRecord(LocalDateTime calledAt, String tenant, String tool, String operationId, Outcome outcome,
                      int httpStatus, long latencyMicros, long responseBytes, Integer resultCount,
                      boolean truncated, String queryText, String protocolRevision, String authKind, String clientRef,
                      String instance) {
        this(calledAt, tenant, tool, operationId, outcome, httpStatus, latencyMicros, responseBytes, resultCount,
                truncated, queryText);
        this.protocolRevision = protocolRevision;
        this.authKind = authKind;
        this.clientRef = clientRef;
        this.instance = instance;
    }

    public String authKind() { return authKind; }

    public Long id() { return id; }
    public LocalDateTime calledAt() { return calledAt; }
    public long latencyMicros() { return latencyMicros; }
    public long responseBytes() { return responseBytes; }
    public Integer resultCount() { return resultCount; }
    public boolean truncated() { return truncated; }
    public String queryText() { return queryText; }
    public String protocolRevision() { return protocolRevision; }
    public String clientRef() { return clientRef; }
    public String instance() { return instance; }
}
