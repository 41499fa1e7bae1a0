package com.trackdesk.mcp.search.entity;

import com.trackdesk.mcp.catalog.entity.Operation;

/** One ranked answer to a search: the operation and how well it matched. */
public record SearchHit(Operation operation, float score) {
}
