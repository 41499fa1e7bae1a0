package com.trackdesk.mcp.authorization.boundary;

import com.trackdesk.mcp.authorization.control.GrantIssuer;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.Tenant;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token endpoint (public clients, no client secret): {@code authorization_code} with the PKCE verifier, and
 * {@code refresh_token} with rotation. Errors are RFC 6749 §5.2 JSON.
 */
@Path("oauth/token")
public class TokenEndpoint {

    @Inject
    TenantResolver tenants;
    @Inject
    GrantIssuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.HOST) String host, @FormParam("grant_type") String grantType,
                          @FormParam("code") String code, @FormParam("redirect_uri") String redirectUri,
                          @FormParam("code_verifier") String verifier, @FormParam("client_id") String clientId,
                          @FormParam("refresh_token") String refreshToken, @FormParam("resource") String resource) {
        try {
            Tenant tenant = tenant(host);
            require(clientId, "client_id");
            GrantIssuer.Tokens tokens;
            if ("authorization_code".equals(grantType)) {
                require(code, "code");
                require(verifier, "code_verifier");
                tokens = issuer.exchangeCode(tenant, code, clientId, redirectUri, verifier, resource);
            } else if ("refresh_token".equals(grantType)) {
                require(refreshToken, "refresh_token");
                tokens = issuer.refresh(tenant, refreshToken, clientId);
            } else {
                throw new OAuthProblem("unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
            }
            ObjectNode body = OAuthJson.object().put("access_token", tokens.accessToken()).put("token_type", "Bearer")
                    .put("expires_in", tokens.expiresInSeconds()).put("refresh_token", tokens.refreshToken())
                    .put("scope", tokens.scope());
            return OAuthJson.ok(body);
        } catch (OAuthProblem problem) {
            return OAuthJson.problem(problem);
        }
    }

    private Tenant tenant(String host) {
        try {
            return tenants.resolve(host);
        } catch (UnknownTenantException e) {
            throw new OAuthProblem("invalid_request", e.getMessage());
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new OAuthProblem("invalid_request", name + " is missing");
        }
    }
}
