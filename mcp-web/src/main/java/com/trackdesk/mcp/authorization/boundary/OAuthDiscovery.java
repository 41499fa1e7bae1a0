package com.trackdesk.mcp.authorization.boundary;

import com.trackdesk.mcp.authorization.control.PublicAddress;
import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discovery for OAuth clients, per tenant host: protected resource metadata (RFC 9728) for {@code /mcp} and
 * {@code /mcp/readonly}, and authorization server metadata (RFC 8414), also under the path-aware names clients
 * try. The issuer is the tenant host itself, so every URL here is on the host the client connected to.
 */
@Path(".well-known")
public class OAuthDiscovery {

    @Inject
    TenantResolver tenants;

    /** The metadata of {@code /mcp}, at the root name and at the path-aware name clients also try. */
    @GET
    @Path("oauth-protected-resource{path: (/mcp)?}")
    public Response protectedResource(@Context UriInfo uri, @HeaderParam("X-Forwarded-Proto") String proto,
                                      @HeaderParam(HttpHeaders.HOST) String host) {
        return resourceMetadata(uri, proto, host, false);
    }

    @GET
    @Path("oauth-protected-resource/mcp/readonly")
    public Response protectedReadOnly(@Context UriInfo uri, @HeaderParam("X-Forwarded-Proto") String proto,
                                      @HeaderParam(HttpHeaders.HOST) String host) {
        return resourceMetadata(uri, proto, host, true);
    }

    @GET
    @Path("{name: oauth-authorization-server|openid-configuration}{suffix: (/mcp(/readonly)?)?}")
    public Response authorizationServer(@Context UriInfo uri, @HeaderParam("X-Forwarded-Proto") String proto,
                                        @HeaderParam(HttpHeaders.HOST) String host) {
        Response unknown = unknownTenant(host);
        if (unknown != null) {
            return unknown;
        }
        PublicAddress address = PublicAddress.of(uri.getRequestUri().getScheme(), proto, host);
        ObjectNode body = OAuthJson.object()
                .put("issuer", address.issuer())
                .put("authorization_endpoint", address.authorizationEndpoint())
                .put("token_endpoint", address.tokenEndpoint())
                .put("registration_endpoint", address.registrationEndpoint());
        body.putArray("response_types_supported").add("code");
        body.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        body.putArray("code_challenge_methods_supported").add("S256");
        body.putArray("token_endpoint_auth_methods_supported").add("none");
        scopes(body.putArray("scopes_supported"));
        body.put("client_id_metadata_document_supported", true);
        body.put("authorization_response_iss_parameter_supported", true);
        return OAuthJson.ok(body);
    }

    private Response resourceMetadata(UriInfo uri, String proto, String host, boolean readOnly) {
        Response unknown = unknownTenant(host);
        if (unknown != null) {
            return unknown;
        }
        PublicAddress address = PublicAddress.of(uri.getRequestUri().getScheme(), proto, host);
        ObjectNode body = OAuthJson.object().put("resource", address.resource(readOnly));
        body.putArray("authorization_servers").add(address.issuer());
        body.putArray("bearer_methods_supported").add("header");
        scopes(body.putArray("scopes_supported"));
        body.put("resource_name", "Trackdesk" + (readOnly ? " (read-only)" : ""));
        return OAuthJson.ok(body);
    }

    private static void scopes(ArrayNode scopes) {
        scopes.add(Grant.FULL_SCOPE).add(Grant.READ_ONLY_SCOPE);
    }

    private Response unknownTenant(String host) {
        try {
            tenants.resolve(host);
            return null;
        } catch (UnknownTenantException e) {
            return OAuthJson.answer(404, OAuthJson.object().put("error", "not_found")
                    .put("error_description", e.getMessage()));
        }
    }
}
