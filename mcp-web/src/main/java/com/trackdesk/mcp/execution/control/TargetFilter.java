package com.trackdesk.mcp.execution.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;

/**
 * Points a rest-client request at the operation's path and query on the tenant's base URL, and
 * drops the internal header that carried them. Refuses anything that would leave the base host.
 * Also applies the attempt's read timeout (what is left of the call's budget), which arrives the same
 * way because the client is shared by all calls of a tenant.
 */
class TargetFilter implements ClientRequestFilter {

    static final String TARGET_HEADER = "X-Mcp-Upstream-Target";
    static final String READ_TIMEOUT_HEADER = "X-Mcp-Upstream-Read-Timeout";

    /**
     * Jersey's per-request read timeout (ClientProperties.READ_TIMEOUT), which Payara's rest client honours
     * over the client's own. Named as text so the module needs no Jersey API; a runtime that ignores it
     * keeps the client's read timeout, and the budget still stops retries in time.
     */
    static final String JERSEY_READ_TIMEOUT = "jersey.config.client.readTimeout";

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
        String readTimeout = request.getHeaderString(READ_TIMEOUT_HEADER);
        request.getHeaders().remove(READ_TIMEOUT_HEADER);
        if (readTimeout != null) {
            request.setProperty(JERSEY_READ_TIMEOUT, Integer.parseInt(readTimeout));
        }
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
