package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.authorization.entity.GrantKind;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token endpoint's rules, with an upstream whose verdict on the personal access token the test decides. */
class GrantIssuerTest {

    static final String PAT = "pat-0123456789";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String RESOURCE = "https://acme.trackdesk.com/mcp";
    static final String REDIRECT = "https://client.example/cb";
    static final Tenant ACME = new Tenant("acme");

    ApiKeyCheck.Verdict upstreamVerdict = ApiKeyCheck.Verdict.ACCEPTED;
    final GrantSealer sealer = new GrantSealer(new SealingKeys(Optional.empty()), Clock.systemUTC());
    final GrantIssuer issuer = issuer();

    @Test
    void aCodeWithItsVerifierGivesBoundTokensOnce() {
        String code = code();
        GrantIssuer.Tokens tokens = issuer.exchangeCode(ACME, code, "client-1", REDIRECT, VERIFIER, RESOURCE);
        Grant access = sealer.open(tokens.accessToken(), GrantKind.ACCESS).orElseThrow();
        assertThat(access.apiKey()).isEqualTo(PAT);
        assertThat(access.resource()).isEqualTo(RESOURCE);
        assertThat(access.tenant()).isEqualTo("acme");
        assertThat(tokens.expiresInSeconds()).isEqualTo(3600);
        assertThatThrownBy(() -> issuer.exchangeCode(ACME, code, "client-1", REDIRECT, VERIFIER, RESOURCE))
                .hasMessageContaining("already used");
    }

    @Test
    void aCodeIsRefusedWithTheWrongVerifierClientRedirectTenantOrResource() {
        assertInvalidGrant(() -> issuer.exchangeCode(ACME, code(), "client-1", REDIRECT, VERIFIER.replace('d', 'x'), RESOURCE));
        assertInvalidGrant(() -> issuer.exchangeCode(ACME, code(), "client-2", REDIRECT, VERIFIER, RESOURCE));
        assertInvalidGrant(() -> issuer.exchangeCode(ACME, code(), "client-1", REDIRECT + "/other", VERIFIER, RESOURCE));
        assertInvalidGrant(() -> issuer.exchangeCode(new Tenant("globex"), code(), "client-1", REDIRECT, VERIFIER, RESOURCE));
        assertThatThrownBy(() -> issuer.exchangeCode(ACME, code(), "client-1", REDIRECT, VERIFIER, "https://globex.trackdesk.com/mcp"))
                .isInstanceOfSatisfying(OAuthProblem.class, p -> assertThat(p.error()).isEqualTo("invalid_target"));
        assertInvalidGrant(() -> issuer.exchangeCode(ACME, "not-a-code", "client-1", REDIRECT, VERIFIER, RESOURCE));
    }

    @Test
    void aRefreshRotatesTheRefreshTokenAndSpendsTheOldOne() {
        GrantIssuer.Tokens first = issuer.exchangeCode(ACME, code(), "client-1", REDIRECT, VERIFIER, RESOURCE);
        GrantIssuer.Tokens second = issuer.refresh(ACME, first.refreshToken(), "client-1");
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertInvalidGrant(() -> issuer.refresh(ACME, first.refreshToken(), "client-1"));
        assertInvalidGrant(() -> issuer.refresh(ACME, second.accessToken(), "client-1"));
    }

    @Test
    void aRevokedPersonalAccessTokenEndsTheGrantAtRefresh() {
        GrantIssuer.Tokens tokens = issuer.exchangeCode(ACME, code(), "client-1", REDIRECT, VERIFIER, RESOURCE);
        upstreamVerdict = ApiKeyCheck.Verdict.REJECTED;
        assertThatThrownBy(() -> issuer.refresh(ACME, tokens.refreshToken(), "client-1"))
                .isInstanceOfSatisfying(OAuthProblem.class, p -> assertThat(p.error()).isEqualTo("invalid_grant"))
                .hasMessageContaining("revoked").hasMessageNotContaining(PAT);
    }

    @Test
    void anUnreachableUpstreamAtRefreshIsTemporary() {
        GrantIssuer.Tokens tokens = issuer.exchangeCode(ACME, code(), "client-1", REDIRECT, VERIFIER, RESOURCE);
        upstreamVerdict = ApiKeyCheck.Verdict.UNKNOWN;
        assertThatThrownBy(() -> issuer.refresh(ACME, tokens.refreshToken(), "client-1"))
                .isInstanceOfSatisfying(OAuthProblem.class, p -> assertThat(p.status()).isEqualTo(503));
    }

    private String code() {
        return issuer.issueCode(ACME, RESOURCE, "client-1", Grant.FULL_SCOPE, PAT, REDIRECT, CHALLENGE);
    }

    private static void assertInvalidGrant(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthProblem.class, p -> assertThat(p.error()).isEqualTo("invalid_grant"));
    }

    private GrantIssuer issuer() {
        GrantIssuer issuer = new GrantIssuer();
        issuer.sealer = sealer;
        issuer.lifetimes = new TokenLifetimes(3600, 30);
        issuer.oneTimeUse = new OneTimeUse();
        issuer.apiKeys = new ApiKeyCheck() {
            @Override
            public Verdict check(Tenant tenant, String apiKey) {
                return upstreamVerdict;
            }
        };
        return issuer;
    }
}
