package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;

/**
 * The kind of action an operation performs, in plain verbs, derived from the HTTP method and the
 * path's shape. People say "remove", "look up", "add"; specs say DELETE, GET /x/{id}, POST; this field
 * lets the query's verbs (after synonyms) meet the method even when no summary says it.
 */
public final class ActionWords {

    private ActionWords() {
    }

    public static String of(Operation operation) {
        boolean onOneItem = operation.path().endsWith("}");
        return switch (operation.method()) {
            case "GET", "HEAD" -> onOneItem ? "get" : "list";
            case "POST" -> operation.readOnly() ? "list search" : "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> "";
        };
    }
}
