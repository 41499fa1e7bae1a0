package com.trackdesk.mcp.catalog.entity;

import java.time.Instant;

/** What is loaded right now: shown in the admin console and health checks. */
public record CatalogInfo(
        String title,
        String version,
        String source,
        int operationCount,
        Instant loadedAt,
        boolean fallback) {
}
