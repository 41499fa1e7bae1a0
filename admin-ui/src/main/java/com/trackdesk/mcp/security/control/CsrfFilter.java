package com.trackdesk.mcp.security.control;

import com.trackdesk.mcp.console.entity.ApiProblem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * Every state-changing request (any method but GET, HEAD, OPTIONS) must come from a page of this server
 * and carry the session's CSRF token, in the {@code X-CSRF-Token} header or the {@code csrf} form field.
 * The login form is the exception: there is no session yet; it is checked for its origin instead.
 */
@WebFilter("/*")
public class CsrfFilter extends HttpFilter {

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod()) || isLogin(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(CsrfTokens.HEADER);
        if (token == null && isForm(request)) {
            token = request.getParameter(CsrfTokens.FORM_FIELD);
        }
        if (!SameOrigin.isSameOrigin(request) || !CsrfTokens.matches(request.getSession(false), token)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(new ApiProblem("forbidden",
                    "missing or wrong CSRF token; reload the console")));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isLogin(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }
}
