package com.trackdesk.mcp.metrics.entity;

import java.util.Optional;

/**
 * Settings of metrics recording and storage, read once from configuration.
 *
 * @param databaseUrl     JDBC URL of the metrics database (H2 file by default, PostgreSQL by configuration)
 * @param tenantSalt      fixed salt for tenant hashes; without it one is generated and kept in the database
 * @param storeQueries    whether search texts are kept (off: they may contain customer data)
 * @param queueCapacity   calls waiting to be written (also while the database is down); more are dropped and counted as lost
 * @param instanceName    the server instance that serves the calls recorded here, stored with each call; empty: unnamed
 */
public record MetricsOptions(String databaseUrl, String databaseUser, String databasePassword,
                             TenantMode tenantMode, Optional<String> tenantSalt, boolean storeQueries,
                             int retentionDays, int queueCapacity, String instanceName) {

    /** Without an instance name: calls are stored without one. */
    public MetricsOptions(String databaseUrl, String databaseUser, String databasePassword,
                          TenantMode tenantMode, Optional<String> tenantSalt, boolean storeQueries,
                          int retentionDays, int queueCapacity) {
        this(databaseUrl, databaseUser, databasePassword, tenantMode, tenantSalt, storeQueries, retentionDays,
                queueCapacity, "");
    }

    @Override
    public String toString() {
        // keeps the password (also one inside the URL) out of any log line that prints the options
        return "MetricsOptions[databaseUrl=" + RedactedLocation.of(databaseUrl) + ", tenantMode=" + tenantMode
                + ", storeQueries=" + storeQueries + ", retentionDays=" + retentionDays
                + ", queueCapacity=" + queueCapacity + ", instanceName=" + instanceName + "]";
    }
}
