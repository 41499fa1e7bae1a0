package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.authorization.entity.GrantKind;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The token endpoint's work: turns a code (with its PKCE verifier) into an access and refresh token, and a
 * refresh token into new ones (rotation: the old refresh token is spent), each bound to the tenant, resource and
 * client of the sign-in. A refresh asks the tenant's API again whether the personal access token still works.
 */
@ApplicationScoped
public class GrantIssuer {

    @Inject
    GrantSealer sealer;
    @Inject
    TokenLifetimes lifetimes;
    @Inject
    OneTimeUse oneTimeUse;
    @Inject
    ApiKeyCheck apiKeys;

    private final Clock clock = Clock.systemUTC();

    /** Tokens as the token endpoint answers them; the refresh token is new on every exchange. */
    public record Tokens(String accessToken, long expiresInSeconds, String refreshToken, String scope) {
        @Override
        public String toString() {
            return "Tokens[scope=" + scope + "]";
        }
    }

    public String issueCode(Tenant tenant, String resource, String clientId, String scope, String apiKey,
                            String redirectUri, String codeChallenge) {
        return sealer.seal(new Grant(GrantKind.CODE, UUID.randomUUID().toString(), tenant.name(), resource, clientId,
                scope, apiKey, clock.instant().plus(lifetimes.code()), redirectUri, codeChallenge));
    }

    public Tokens exchangeCode(Tenant tenant, String code, String clientId, String redirectUri, String verifier,
                               String resource) {
        Grant grant = sealer.open(code, GrantKind.CODE)
                .orElseThrow(() -> invalidGrant("the authorization code is invalid or expired"));
        requireBoundTo(grant, tenant, clientId);
        if (grant.redirectUri() == null || !grant.redirectUri().equals(redirectUri)) {
            throw invalidGrant("redirect_uri differs from the one of the authorization request");
        }
        if (!Pkce.verifies(verifier, grant.codeChallenge())) {
            throw invalidGrant("the PKCE code_verifier does not match the code_challenge");
        }
        if (resource != null && !resource.isBlank() && !resource.equals(grant.resource())) {
            throw new OAuthProblem("invalid_target", "resource differs from the one of the authorization request");
        }
        if (!oneTimeUse.firstUse(grant.id(), grant.expiresAt())) {
            throw invalidGrant("the authorization code was already used");
        }
        return tokensFor(grant);
    }

    public Tokens refresh(Tenant tenant, String refreshToken, String clientId) {
        Grant grant = sealer.open(refreshToken, GrantKind.REFRESH)
                .orElseThrow(() -> invalidGrant("the refresh token is invalid or expired: sign in again"));
        requireBoundTo(grant, tenant, clientId);
        if (!oneTimeUse.firstUse(grant.id(), grant.expiresAt())) {
            throw invalidGrant("the refresh token was already used: sign in again");
        }
        ApiKeyCheck.Verdict verdict = apiKeys.check(tenant, grant.apiKey());
        if (verdict == ApiKeyCheck.Verdict.REJECTED) {
            throw invalidGrant("Trackdesk no longer accepts the personal access token of this connection (revoked?): sign in again");
        }
        if (verdict == ApiKeyCheck.Verdict.UNKNOWN) {
            throw new OAuthProblem("temporarily_unavailable", "the personal access token could not be checked with "
                    + "Trackdesk right now: try again shortly", 503);
        }
        return tokensFor(grant);
    }

    private Tokens tokensFor(Grant grant) {
        Instant now = clock.instant();
        Grant access = new Grant(GrantKind.ACCESS, UUID.randomUUID().toString(), grant.tenant(), grant.resource(),
                grant.clientId(), grant.scope(), grant.apiKey(), now.plus(lifetimes.access()), null, null);
        Grant refresh = new Grant(GrantKind.REFRESH, UUID.randomUUID().toString(), grant.tenant(), grant.resource(),
                grant.clientId(), grant.scope(), grant.apiKey(), now.plus(lifetimes.refresh()), null, null);
        return new Tokens(sealer.seal(access), lifetimes.access().toSeconds(), sealer.seal(refresh), grant.scope());
    }

    private static void requireBoundTo(Grant grant, Tenant tenant, String clientId) {
        if (!tenant.name().equals(grant.tenant())) {
            throw invalidGrant("the grant belongs to another Trackdesk program");
        }
        if (clientId != null && !clientId.isBlank() && !clientId.equals(grant.clientId())) {
            throw invalidGrant("the grant was issued to another client");
        }
    }

    private static OAuthProblem invalidGrant(String description) {
        return new OAuthProblem("invalid_grant", description);
    }
}
