package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/**
 * What a stored call and a rollup of calls are both described by: whose call it was (a tenant label, never a
 * token), which tool and operation, and how it ended. One definition, so the two tables cannot drift apart
 * in names, lengths or the way the outcome is stored. The schema itself is Flyway's (no DDL comes from here);
 * {@code call_rollup.operation_id} is NOT NULL there, a rollup stores "" for calls without an operation.
 */
@MappedSuperclass
public abstract class CallDimensions {

    @Column(name = "tenant", nullable = false, length = 100)
    private String tenant;

    @Column(name = "tool", nullable = false, length = 20)
    private String tool;

    @Column(name = "operation_id", length = 200)
    private String operationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 20)
    private Outcome outcome;

    @Column(name = "http_status", nullable = false)
    private int httpStatus;

    protected CallDimensions() {
        // for JPA
    }

    protected CallDimensions(String tenant, String tool, String operationId, Outcome outcome, int httpStatus) {
        this.tenant = tenant;
        this.tool = tool;
        this.operationId = operationId;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
    }

    public String tenant() { return tenant; }
    public String tool() { return tool; }
    public String operationId() { return operationId; }
    public Outcome outcome() { return outcome; }
    public int httpStatus() { return httpStatus; }
}
