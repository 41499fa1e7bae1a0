package com.trackdesk.mcp.authorization.boundary;

import com.trackdesk.mcp.authorization.control.BearerTokens;
import com.trackdesk.mcp.authorization.control.PublicAddress;
import com.trackdesk.mcp.authorization.entity.AuthKind;
import com.trackdesk.mcp.authorization.entity.Connection;
import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Who is calling /mcp: the personal access token in {@code X-Api-Key} (exactly as before OAuth existed), or an
 * OAuth access token in {@code Authorization: Bearer} that seals one. With neither: 401 and a
 * {@code WWW-Authenticate} header that points OAuth clients at this tenant's protected resource metadata; a bad,
 * expired or foreign Bearer token: 401 {@code invalid_token}. The result travels to the MCP resource as a
 * {@link Connection} request property. Runs after the transport checks ({@code McpHeaderFilter}).
 */
@Provider
@PreMatching
@Priority(6000)
public class McpAuthentication implements ContainerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String BEARER = "Bearer ";

    static final String NO_CREDENTIALS = "Sign in needed. Either connect with OAuth (your MCP client discovers it from "
            + "the WWW-Authenticate header and opens a Trackdesk sign-in page), or add the header "
            + "'X-Api-Key: <your personal access token>' to this server's connection settings. Create a token in "
            + "Trackdesk under Settings → Integrations → Personal access tokens.";
    static final String INVALID_TOKEN = "The OAuth access token is invalid, expired, or was issued for another "
            + "Trackdesk program or URL: sign in again.";

    @Inject
    BearerTokens bearerTokens;
    @Inject
    TenantResolver tenants;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("mcp") && !path.equals("/mcp") && !path.equals("mcp/") && !path.equals("/mcp/")
                || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        boolean readOnlyPath = ReadOnlyPath.requested(request);
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            request.setProperty(Connection.PROPERTY, new Connection(apiKey, AuthKind.HEADER, readOnlyPath));
            return;
        }
        PublicAddress address = PublicAddress.of(request.getUriInfo().getRequestUri().getScheme(),
                request.getHeaderString("X-Forwarded-Proto"), request.getHeaderString(HttpHeaders.HOST));
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            request.abortWith(unauthorized(address, readOnlyPath, null, NO_CREDENTIALS));
            return;
        }
        Optional<Grant> grant = Optional.empty();
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                String tenant = tenants.resolve(request.getHeaderString(HttpHeaders.HOST)).name();
                grant = bearerTokens.open(authorization.substring(BEARER.length()).trim(), tenant, address, readOnlyPath);
            } catch (UnknownTenantException e) {
                grant = Optional.empty();
            }
        }
        if (grant.isEmpty()) {
            request.abortWith(unauthorized(address, readOnlyPath, "invalid_token", INVALID_TOKEN));
            return;
        }
        request.setProperty(Connection.PROPERTY,
                new Connection(grant.get().apiKey(), AuthKind.OAUTH, readOnlyPath || grant.get().readOnly()));
    }

    static Response unauthorized(PublicAddress address, boolean readOnlyPath, String error, String message) {
        StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"")
                .append(address.resourceMetadata(readOnlyPath)).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append("\", error_description=\"")
                    .append(message.replace("\"", "'")).append('"');
        }
        return Response.fromResponse(JsonRpcErrors.response(Response.Status.UNAUTHORIZED, JsonRpcErrors.INVALID_REQUEST,
                message)).header(HttpHeaders.WWW_AUTHENTICATE, challenge.toString()).build();
    }
}
