package com.trackdesk.mcp.authorization.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets browser-based MCP clients (such as the MCP Inspector) run the OAuth flow: the discovery documents and the
 * token and registration endpoints may be read from any origin. They use no cookies or ambient credentials (the
 * token endpoint needs the code and its PKCE verifier), so {@code *} opens nothing a script could not already
 * do from a server. The sign-in page and /mcp are not covered: the page must be a top-level browser visit, and
 * /mcp has its own Origin rules (MCP_ALLOWED_ORIGINS).
 */
@Provider
public class OAuthCors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith(".well-known/") || relative.equals("oauth/token") || relative.equals("oauth/register")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.getHeaders().putSingle("Access-Control-Allow-Headers", "Content-Type, Authorization, MCP-Protocol-Version");
            response.getHeaders().putSingle("Access-Control-Max-Age", "600");
        }
    }
}
