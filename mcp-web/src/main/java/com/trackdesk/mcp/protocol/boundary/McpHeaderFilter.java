package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import com.trackdesk.mcp.protocol.control.OriginPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Transport rules of MCP Streamable HTTP checked before a message is read: the Origin must be allowed
 * (DNS-rebinding protection) and the body must not exceed the configured size. Runs pre-matching so that
 * every request to /mcp is covered, whatever its method. The protocol version is checked once the body is
 * read ({@code McpResource}): 2026-07-28 wants the error to name the request's id and compare the header
 * with {@code _meta}.
 */
@Provider
@PreMatching
public class McpHeaderFilter implements ContainerRequestFilter {

    @Inject
    OriginPolicy origins;

    @Inject
    @ConfigProperty(name = "MCP_MAX_REQUEST_BYTES", defaultValue = "1048576")
    long maxRequestBytes;

    /** Providers are created when the application starts: a wrong limit fails the deployment. */
    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_MAX_REQUEST_BYTES", maxRequestBytes, "bytes");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("mcp") && !path.equals("/mcp") && !path.equals("mcp/") && !path.equals("/mcp/")) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origins.allows(origin)) {
            request.abortWith(JsonRpcErrors.response(Response.Status.FORBIDDEN, JsonRpcErrors.INVALID_REQUEST,
                    "Origin not allowed: add it to MCP_ALLOWED_ORIGINS if this browser page should use the server"));
            return;
        }
        if (request.getLength() > maxRequestBytes) {
            request.abortWith(JsonRpcErrors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, JsonRpcErrors.INVALID_REQUEST,
                    "Request body larger than " + maxRequestBytes + " bytes (MCP_MAX_REQUEST_BYTES)"));
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if ("POST".equals(request.getMethod()) && accept != null && !acceptsJson(accept)) {
            request.abortWith(JsonRpcErrors.response(Response.Status.NOT_ACCEPTABLE, JsonRpcErrors.INVALID_REQUEST,
                    "This server answers with application/json: include it in the Accept header"));
        }
    }

    private static boolean acceptsJson(String accept) {
        String value = accept.toLowerCase();
        return value.contains("application/json") || value.contains("*/*") || value.contains("application/*");
    }
}
