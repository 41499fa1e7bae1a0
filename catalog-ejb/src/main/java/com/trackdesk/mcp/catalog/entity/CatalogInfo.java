package com.trackdesk.mcp.catalog.entity;

import java.time.Instant;

/**
 * What is loaded right now: shown in the admin console and health checks.
 *
 * @param source where the spec came from, as {@link com.trackdesk.mcp.catalog.control.SpecLocations#withoutSecrets}
 *               shows it: never credentials or a query string
 */
public record CatalogInfo(
        String title,
        String version,
        String source,
        int operationCount,
        Instant loadedAt,
        boolean fallback) {
}
