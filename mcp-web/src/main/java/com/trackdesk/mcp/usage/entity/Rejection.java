package com.trackdesk.mcp.usage.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;

/**
 * Why {@code /mcp} turned a request away before any tool ran.
 *
 * @param tool        "(protocol)" when the request never named a tool, "(unknown)" for a tool this server lacks
 * @param httpStatus  the HTTP status of the answer (200 for JSON-RPC errors the MCP SDK answers)
 */
public record Rejection(Outcome outcome, String tool, int httpStatus) {

    public static final String PROTOCOL = "(protocol)";
    public static final String UNKNOWN_TOOL = "(unknown)";
}
