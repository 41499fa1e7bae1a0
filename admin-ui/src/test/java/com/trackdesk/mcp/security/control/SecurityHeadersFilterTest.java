package com.trackdesk.mcp.security.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Every console response carries the browser hardening headers, set before the page writes anything. */
class SecurityHeadersFilterTest {

    final HttpServletResponse response = mock(HttpServletResponse.class);
    final FilterChain chain = mock(FilterChain.class);

    static HttpServletRequest requestFor(String uri) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContextPath()).thenReturn("/admin");
        when(request.getRequestURI()).thenReturn(uri);
        return request;
    }

    @Test
    void aPageGetsEveryHardeningHeaderBeforeTheChainRuns() throws Exception {
        HttpServletRequest request = requestFor("/admin/index.html");

        new SecurityHeadersFilter().doFilter(request, response, chain);

        InOrder order = inOrder(response, chain);
        order.verify(response).setHeader("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        order.verify(response).setHeader("X-Content-Type-Options", "nosniff");
        order.verify(response).setHeader("X-Frame-Options", "DENY");
        order.verify(response).setHeader("Referrer-Policy", "same-origin");
        order.verify(response).setHeader("Cache-Control", "no-store");
        order.verify(chain).doFilter(request, response);
    }

    @Test
    void thePolicyAllowsNoInlineScriptNoFramingAndNoForeignForms() {
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'").contains("form-action 'self'").contains("object-src 'none'");
    }

    @Test
    void apiAnswersAreNotCachedEither() throws Exception {
        new SecurityHeadersFilter().doFilter(requestFor("/admin/api/metrics/summary"), response, chain);

        verify(response).setHeader("Cache-Control", "no-store");
    }

    @Test
    void vendoredLibrariesMayBeCachedButKeepTheOtherHeaders() throws Exception {
        HttpServletRequest request = requestFor("/admin/vendor/chart.umd.js");

        new SecurityHeadersFilter().doFilter(request, response, chain);

        verify(response, never()).setHeader(eq("Cache-Control"), anyString());
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        verify(chain).doFilter(request, response);
    }
}
