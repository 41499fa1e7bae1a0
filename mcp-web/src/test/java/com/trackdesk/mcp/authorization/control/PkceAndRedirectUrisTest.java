package com.trackdesk.mcp.authorization.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PkceAndRedirectUrisTest {

    /** The example of RFC 7636, appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void pkceS256AcceptsTheRfcExampleAndNothingElse() {
        assertThat(Pkce.validChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE)).isTrue();
        assertThat(Pkce.verifies(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(null, CHALLENGE)).isFalse();
        assertThat(Pkce.verifies("short", CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(CHALLENGE, CHALLENGE)).as("the plain method is not accepted").isFalse();
    }

    @Test
    void redirectUrisMatchExactlyExceptTheLoopbackPort() {
        List<String> registered = List.of("https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1:33418/callback");
        assertThat(RedirectUris.matches(registered, "https://claude.ai/api/mcp/auth_callback")).isTrue();
        assertThat(RedirectUris.matches(registered, "https://claude.ai/api/mcp/auth_callback/")).isFalse();
        assertThat(RedirectUris.matches(registered, "https://claude.ai/api/mcp/auth_callback?x=1")).isFalse();
        assertThat(RedirectUris.matches(registered, "https://evil.example/api/mcp/auth_callback")).isFalse();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:50123/callback")).as("RFC 8252 any port").isTrue();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:50123/other")).isFalse();
        assertThat(RedirectUris.matches(registered, "http://localhost:50123/callback")).isFalse();
        assertThat(RedirectUris.matches(registered, null)).isFalse();
    }

    @Test
    void onlySafeRedirectUrisCanBeRegistered() {
        assertThat(RedirectUris.problem("https://chatgpt.com/connector_platform_oauth_redirect")).isEmpty();
        assertThat(RedirectUris.problem("http://localhost:6274/oauth/callback")).isEmpty();
        assertThat(RedirectUris.problem("cursor://anysphere.cursor-retrieval/oauth/callback")).isEmpty();
        assertThat(RedirectUris.problem("http://example.com/callback")).isPresent();
        assertThat(RedirectUris.problem("javascript:alert(1)")).isPresent();
        assertThat(RedirectUris.problem("data:text/html,hi")).isPresent();
        assertThat(RedirectUris.problem("https://example.com/cb#frag")).isPresent();
        assertThat(RedirectUris.problem("/relative")).isPresent();
        assertThat(RedirectUris.problem("https://user@example.com/cb")).isPresent();
    }

    @Test
    void answersAreAddedToTheRedirectQuery() {
        assertThat(RedirectUris.withQuery("https://c.example/cb?x=1", Map.of("state", "a b&{c}")).toString())
                .isEqualTo("https://c.example/cb?x=1&state=a+b%26%7Bc%7D");
    }
}
