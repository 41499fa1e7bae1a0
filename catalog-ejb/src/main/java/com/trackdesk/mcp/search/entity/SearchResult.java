package com.trackdesk.mcp.search.entity;

import java.util.List;

/**
 * The answer to a {@link SearchQuery}.
 *
 * @param exactMatch true when the query named one operation exactly (operationId or "METHOD /path");
 *                   the caller then shows its full request schema
 */
public record SearchResult(List<SearchHit> hits, boolean exactMatch) {
}
