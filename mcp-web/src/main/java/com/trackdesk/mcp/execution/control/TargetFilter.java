package com.trackdesk.mcp.execution.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;

/**
 * Points a rest-client request at the operation's path and query on the tenant's base URL, and
 * drops the internal header that carried them. Refuses anything that would leave the base host.
 */
class TargetFilter implements ClientRequestFilter {

    static final String TARGET_HEADER = "X-Mcp-Upstream-Target";

    private final URI base;

    TargetFilter(URI base) {
        this.base = base;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String target = request.getHeaderString(TARGET_HEADER);
        request.getHeaders().remove(TARGET_HEADER);
        if (target == null || !target.startsWith("/") || target.startsWith("//")) {
            throw new IllegalStateException("upstream target must be a path on the tenant host");
        }
        URI uri = URI.create(stripSlash(base.toString()) + target);
        if (!base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
            throw new IllegalStateException("upstream target left the tenant host");
        }
        request.setUri(uri);
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
