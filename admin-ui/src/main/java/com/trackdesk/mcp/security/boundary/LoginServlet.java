package com.trackdesk.mcp.security.boundary;

import com.trackdesk.mcp.security.control.AdminAuthenticationMechanism;
import com.trackdesk.mcp.security.control.CsrfTokens;
import com.trackdesk.mcp.security.control.SameOrigin;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /admin/login} from the login form: checks the origin, hands the credentials to Jakarta
 * Security, and on success starts a fresh session (new id, against session fixation) with its CSRF token.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext securityContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        seeOther(request, response, "/login.html");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (!SameOrigin.isSameOrigin(request) || user == null || password == null) {
            seeOther(request, response, "/login.html?error=invalid");
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters
                .withParams()
                .credential(new UsernamePasswordCredential(user, password))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            Object throttled = request.getAttribute(AdminAuthenticationMechanism.THROTTLED_FOR_SECONDS);
            seeOther(request, response, throttled == null ? "/login.html?error=invalid"
                    : "/login.html?error=throttled&retry=" + throttled);
            return;
        }
        request.changeSessionId();
        CsrfTokens.issue(request.getSession());
        seeOther(request, response, "/");
    }

    static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }
}
