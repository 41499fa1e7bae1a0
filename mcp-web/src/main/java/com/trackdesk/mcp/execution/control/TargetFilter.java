package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;

/**
 * Points a rest-client request at the operation's path and query on the tenant's base URL and attaches the caller's
 * API key, all taken from the thread's {@link OutgoingCall}. Refuses anything that would leave the base host.
 */
class TargetFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        OutgoingCall.Call current = OutgoingCall.current();
        URI base = current.base();
        UpstreamRequest call = current.request();
        String target = call.target();
        if (target == null || !target.startsWith("/") || target.startsWith("//")) {
            throw new IllegalStateException("upstream target must be a path on the tenant host");
        }
        URI uri = URI.create(stripSlash(base.toString()) + target);
        if (!base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
            throw new IllegalStateException("upstream target left the tenant host");
        }
        request.setUri(uri);
        request.getHeaders().putSingle(UpstreamApi.API_KEY_HEADER, call.apiKey());
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
