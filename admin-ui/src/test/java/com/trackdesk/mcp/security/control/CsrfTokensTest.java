package com.trackdesk.mcp.security.control;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The synchronizer token of a login session: unguessable, kept in the session, compared in full. */
class CsrfTokensTest {

    /** A session that keeps its attributes, as the container's does. */
    static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession session = mock(HttpSession.class);
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session).setAttribute(anyString(), any());
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        return session;
    }

    @Test
    void anIssuedTokenIsKeptInTheSessionAndMatchesItself() {
        HttpSession session = session();

        String token = CsrfTokens.issue(session);

        assertThat(CsrfTokens.of(session)).isEqualTo(token);
        assertThat(CsrfTokens.matches(session, token)).isTrue();
    }

    @Test
    void aTokenHas256RandomBitsAndEveryIssueIsANewOne() {
        HttpSession session = session();

        String first = CsrfTokens.issue(session);
        String second = CsrfTokens.issue(session);

        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(second).isNotEqualTo(first);
        assertThat(CsrfTokens.matches(session, first)).as("a new login replaces the old token").isFalse();
        assertThat(CsrfTokens.matches(session, second)).isTrue();
    }

    @Test
    void aWrongMissingOrPartialTokenDoesNotMatch() {
        HttpSession session = session();
        String token = CsrfTokens.issue(session);

        assertThat(CsrfTokens.matches(session, null)).isFalse();
        assertThat(CsrfTokens.matches(session, "")).isFalse();
        assertThat(CsrfTokens.matches(session, token.substring(0, token.length() - 1))).isFalse();
        assertThat(CsrfTokens.matches(session, token + "x")).isFalse();
        assertThat(CsrfTokens.matches(session, token.toUpperCase())).isFalse();
    }

    @Test
    void withoutASessionOrWithoutAnIssuedTokenNothingMatches() {
        HttpSession sessionOfAScript = session();

        assertThat(CsrfTokens.matches(null, "anything")).isFalse();
        assertThat(CsrfTokens.matches(sessionOfAScript, null)).as("no token issued, none presented").isFalse();
        assertThat(CsrfTokens.matches(sessionOfAScript, "anything")).isFalse();
    }

    @Test
    void tokensOfOtherSessionsAreRefused() {
        HttpSession mine = session();
        HttpSession someoneElses = session();
        CsrfTokens.issue(mine);

        assertThat(CsrfTokens.matches(mine, CsrfTokens.issue(someoneElses))).isFalse();
    }
}
