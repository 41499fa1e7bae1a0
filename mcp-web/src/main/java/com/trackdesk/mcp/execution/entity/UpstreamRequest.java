package com.trackdesk.mcp.execution.entity;

import com.trackdesk.mcp.tenant.entity.Tenant;

import java.util.Optional;

/**
 * One HTTP call to a tenant's API, ready to send. Lives for one tool call only: it holds the
 * caller's API key, so it is never cached, stored or logged ({@link #toString()} hides the key).
 *
 * @param target     path and query, already encoded, always starting with '/'
 * @param idempotent safe to repeat after a transient failure
 */
public record UpstreamRequest(
        Tenant tenant,
        String method,
        String target,
        Optional<String> jsonBody,
        String apiKey,
        boolean idempotent) {

    @Override
    public String toString() {
        return "UpstreamRequest[" + tenant + " " + method + " " + target + "]";
    }
}
