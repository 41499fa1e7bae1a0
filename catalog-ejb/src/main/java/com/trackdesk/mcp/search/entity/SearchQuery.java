package com.trackdesk.mcp.search.entity;

import java.util.Optional;

/**
 * What the caller is looking for.
 *
 * @param text   plain words, an operationId, or "METHOD /path"
 * @param limit  maximum number of hits (already clamped by the caller to 1..50)
 * @param tag    only operations with this tag (case-insensitive), when present
 * @param method only operations with this HTTP method, when present
 */
public record SearchQuery(String text, int limit, Optional<String> tag, Optional<String> method) {

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, limit, Optional.empty(), Optional.empty());
    }
}
