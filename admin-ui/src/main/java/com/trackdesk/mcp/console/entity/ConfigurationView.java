package com.trackdesk.mcp.console.entity;

import java.time.Instant;

/**
 * The server's configuration as this server sees it now.
 *
 * @param spec              MCP_SPEC, or a note that the bundled description is used
 * @param upstream          MCP_UPSTREAM_URL without credentials or query
 * @param readOnly          MCP_READ_ONLY
 * @param catalog           the last catalog load the MCP endpoint reported, null if none was reported
 * @param operationsCalled  distinct operations executed in the last {@code operationsCalledDays} days
 */
public record ConfigurationView(String spec, String upstream, boolean readOnly, CatalogView catalog,
                                long operationsCalled, int operationsCalledDays, MetricsView metrics) {

    /** What the MCP endpoint reported when it loaded its catalog. */
    public record CatalogView(Instant loadedAt, String source, int operationCount) {
    }

    /** How metrics are kept. */
    public record MetricsView(String database, String tenantMode, boolean storeQueries, int retentionDays) {
    }
}
