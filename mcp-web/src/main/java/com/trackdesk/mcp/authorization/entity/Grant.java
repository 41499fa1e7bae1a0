package com.trackdesk.mcp.authorization.entity;

import java.time.Instant;

/**
 * What an authorization code, access token or refresh token carries, sealed: the tenant and resource it is
 * bound to, the client it was issued to, the scope, the personal access token it stands for, its life and a
 * random id. Nothing of it is stored on the server. {@link #toString()} hides the personal access token.
 *
 * @param redirectUri   codes only: the redirect URI the code was sent to (must be repeated at the token endpoint)
 * @param codeChallenge codes only: the PKCE S256 challenge
 */
public record Grant(GrantKind kind, String id, String tenant, String resource, String clientId, String scope,
                    String apiKey, Instant expiresAt, String redirectUri, String codeChallenge) {

    public static final String READ_ONLY_SCOPE = "trackdesk:read";
    public static final String FULL_SCOPE = "trackdesk:full";

    public boolean readOnly() {
        return scope != null && !(" " + scope + " ").contains(" " + FULL_SCOPE + " ");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Grant[" + kind + " " + id + " tenant=" + tenant + " client=" + clientId + " scope=" + scope + "]";
    }
}
