package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A value that must outlive restarts and be the same for every server instance, such as the tenant salt. */
@Entity
@Table(name = "metrics_setting")
public class MetricsSetting {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 1000)
    private String value;

    protected MetricsSetting() {
        // for JPA
    }

    public MetricsSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String value() { return value; }
}
