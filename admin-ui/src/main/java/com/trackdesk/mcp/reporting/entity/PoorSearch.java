package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;

/**
 * Searches with no or few hits that share a text. {@code queryText} is null for searches whose text was
 * not stored (the default).
 */
public record PoorSearch(String queryText, long searches, int mostHits, Instant lastAt) {
}
