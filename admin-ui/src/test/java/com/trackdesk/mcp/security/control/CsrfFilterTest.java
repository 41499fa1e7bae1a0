package com.trackdesk.mcp.security.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which requests the CSRF filter lets through to the console, and how it refuses the others. */
class CsrfFilterTest {

    final HttpSession session = CsrfTokensTest.session();
    final String token = CsrfTokens.issue(session);
    final Map<String, String> headers = new HashMap<>();
    final HttpServletRequest request = mock(HttpServletRequest.class);
    final HttpServletResponse response = mock(HttpServletResponse.class);
    final FilterChain chain = mock(FilterChain.class);
    final StringWriter body = new StringWriter();

    CsrfFilterTest() throws Exception {
        when(request.getHeader(anyString())).thenAnswer(call -> headers.get(call.<String>getArgument(0)));
        when(request.getContextPath()).thenReturn("/admin");
        when(request.getRequestURI()).thenReturn("/admin/api/config");
        when(request.getSession(false)).thenReturn(session);
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        headers.put("Host", "console.example");
    }

    void filter(String method) throws Exception {
        when(request.getMethod()).thenReturn(method);
        new CsrfFilter().doFilter(request, response, chain);
    }

    void assertRefused() throws Exception {
        verify(chain, never()).doFilter(any(), any());
        verify(response).setStatus(403);
        assertThat(body.toString()).contains("CSRF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void safeMethodsNeedNoToken(String method) throws Exception {
        headers.put("Origin", "https://evil.example");

        filter(method);

        verify(chain).doFilter(request, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aChangingRequestWithTheSessionsTokenFromItsOwnOriginPasses(String method) throws Exception {
        headers.put("Origin", "http://console.example");
        headers.put(CsrfTokens.HEADER, token);

        filter(method);

        verify(chain).doFilter(request, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aChangingRequestWithoutTheTokenIsRefused(String method) throws Exception {
        filter(method);

        assertRefused();
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        headers.put(CsrfTokens.HEADER, "not-" + token);

        filter("POST");

        assertRefused();
    }

    @Test
    void theRightTokenFromAForeignOriginIsRefused() throws Exception {
        headers.put("Origin", "https://evil.example");
        headers.put(CsrfTokens.HEADER, token);

        filter("POST");

        assertRefused();
    }

    @Test
    void withoutASessionNoTokenCanMatch() throws Exception {
        when(request.getSession(false)).thenReturn(null);
        headers.put(CsrfTokens.HEADER, token);

        filter("POST");

        assertRefused();
    }

    @Test
    void aFormMayCarryTheTokenInItsField() throws Exception {
        when(request.getContentType()).thenReturn("application/x-www-form-urlencoded; charset=UTF-8");
        when(request.getParameter(CsrfTokens.FORM_FIELD)).thenReturn(token);

        filter("POST");

        verify(chain).doFilter(request, response);
    }

    @Test
    void onlyAFormBodyIsReadForTheField() throws Exception {
        when(request.getContentType()).thenReturn("application/json");
        when(request.getParameter(CsrfTokens.FORM_FIELD)).thenReturn(token);

        filter("POST");

        assertRefused();
    }

    @Test
    void theLoginFormIsExemptBecauseNoSessionExistsYet() throws Exception {
        when(request.getRequestURI()).thenReturn("/admin/login");
        when(request.getSession(false)).thenReturn(null);

        filter("POST");

        verify(chain).doFilter(request, response);
    }

    @Test
    void onlyTheLoginItselfIsExempt() throws Exception {
        when(request.getRequestURI()).thenReturn("/admin/login/../api/config");

        filter("POST");

        assertRefused();
    }
}
