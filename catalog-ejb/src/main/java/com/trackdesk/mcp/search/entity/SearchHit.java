package com.trackdesk.mcp.search.entity;

import com.trackdesk.mcp.catalog.entity.Operation;

import java.util.List;

/**
 * One ranked answer to a search.
 *
 * @param operation the operation
 * @param score     how well it matched (comparable within one result only)
 * @param reasons   why it matched, in a few words each ("words: affiliate, list", "similar meaning")
 * @param variants  operationIds of near-identical siblings folded into this hit (the same action on the
 *                  same resource under another scope, e.g. for an organisation instead of a repository)
 */
public record SearchHit(Operation operation, float score, List<String> reasons, List<String> variants) {

    public SearchHit {
        reasons = List.copyOf(reasons);
        variants = List.copyOf(variants);
    }

    public SearchHit(Operation operation, float score) {
        this(operation, score, List.of(), List.of());
    }
}
