package com.trackdesk.mcp.authorization.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * {@code /mcp/readonly} is {@code /mcp} with a read-only connection: the request is routed to the MCP endpoint
 * and marked, before the transport checks (Origin, protocol version, size) and the authentication run, so both
 * apply to it unchanged.
 */
@Provider
@PreMatching
@Priority(900)
public class ReadOnlyPath implements ContainerRequestFilter {

    /** Request property: true when the request came in on /mcp/readonly. */
    public static final String PROPERTY = "com.trackdesk.mcp.authorization.ReadOnlyPath";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("mcp/readonly") || path.equals("/mcp/readonly") || path.equals("mcp/readonly/")
                || path.equals("/mcp/readonly/")) {
            URI base = request.getUriInfo().getBaseUri();
            URI asked = request.getUriInfo().getRequestUri();
            request.setRequestUri(base, base.resolve("mcp" + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery())));
            request.setProperty(PROPERTY, Boolean.TRUE);
        }
    }

    public static boolean requested(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(PROPERTY));
    }
}
