package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** The MCP endpoint loaded its operation catalog: from where, and how many operations it found. */
@Entity
@Table(name = "catalog_load")
public class CatalogLoad {

    @Id
    @SequenceGenerator(name = "catalog_load_ids", sequenceName = "catalog_load_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_load_ids")
    private Long id;

    @Column(name = "loaded_at", nullable = false)
    private LocalDateTime loadedAt;

    @Column(name = "spec_source", nullable = false, length = 1000)
    private String specSource;

    @Column(name = "operation_count", nullable = false)
    private int operationCount;

    protected CatalogLoad() {
        // for JPA
    }

    public CatalogLoad(LocalDateTime loadedAt, String specSource, int operationCount) {
        this.loadedAt = loadedAt;
        this.specSource = specSource;
        this.operationCount = operationCount;
    }

    public LocalDateTime loadedAt() { return loadedAt; }
    public String specSource() { return specSource; }
    public int operationCount() { return operationCount; }
}
