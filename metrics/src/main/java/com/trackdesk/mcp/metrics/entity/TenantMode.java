package com.trackdesk.mcp.metrics.entity;

/** How tenants are stored: {@code HASHED} keeps customer names out of the metrics database. */
public enum TenantMode {
    HASHED,
    PLAIN
}
