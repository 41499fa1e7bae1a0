package com.trackdesk.mcp.authorization.boundary;

import com.trackdesk.mcp.authorization.control.GrantSealer;
import com.trackdesk.mcp.authorization.control.RedirectUris;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic client registration (RFC 7591) without storage: the client_id returned is the registration itself
 * (name and redirect URIs), sealed, so any instance can read it back and nothing is kept. Only public clients
 * ({@code token_endpoint_auth_method: none}) with the authorization code grant.
 */
@Path("oauth/register")
public class RegistrationEndpoint {

    static final int MAX_REDIRECT_URIS = 10;
    static final int MAX_BODY_CHARS = 16 * 1024;

    @Inject
    GrantSealer sealer;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public jakarta.ws.rs.core.Response register(String body) {
        try {
            JsonNode request = parse(body);
            List<String> redirectUris = redirectUris(request.path("redirect_uris"));
            String method = request.path("token_endpoint_auth_method").asString("none");
            if (!"none".equals(method)) {
                throw new OAuthProblem("invalid_client_metadata", "only public clients: token_endpoint_auth_method must be none");
            }
            String name = request.path("client_name").asString("").strip();
            if (name.isEmpty()) {
                name = "An MCP client";
            }
            if (name.length() > 100) {
                name = name.substring(0, 100);
            }
            String clientId = sealer.sealClient(name, redirectUris);
            ObjectNode answer = OAuthJson.object().put("client_id", clientId)
                    .put("client_id_issued_at", Instant.now().getEpochSecond())
                    .put("client_name", name).put("token_endpoint_auth_method", "none");
            redirectUris.forEach(answer.putArray("redirect_uris")::add);
            answer.putArray("grant_types").add("authorization_code").add("refresh_token");
            answer.putArray("response_types").add("code");
            return OAuthJson.answer(201, answer);
        } catch (OAuthProblem problem) {
            return OAuthJson.problem(problem);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw new OAuthProblem("invalid_client_metadata", "send the client metadata as a JSON object (at most "
                    + MAX_BODY_CHARS + " characters)");
        }
        try {
            JsonNode node = OAuthJson.JSON.readTree(body);
            if (!node.isObject()) {
                throw new OAuthProblem("invalid_client_metadata", "the client metadata must be a JSON object");
            }
            return node;
        } catch (OAuthProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OAuthProblem("invalid_client_metadata", "the client metadata is not valid JSON");
        }
    }

    private static List<String> redirectUris(JsonNode uris) {
        if (!uris.isArray() || uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
            throw new OAuthProblem("invalid_redirect_uri", "redirect_uris must list 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode uri : uris) {
            if (!uri.isString() || uri.asString().length() > 2000) {
                throw new OAuthProblem("invalid_redirect_uri", "every redirect URI must be a string of at most 2000 characters");
            }
            RedirectUris.problem(uri.asString()).ifPresent(problem -> {
                throw new OAuthProblem("invalid_redirect_uri", problem);
            });
            list.add(uri.asString());
        }
        return list;
    }
}
