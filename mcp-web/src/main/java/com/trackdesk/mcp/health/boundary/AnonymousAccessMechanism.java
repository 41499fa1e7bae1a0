package com.trackdesk.mcp.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * This module authenticates nobody: {@code /mcp} forwards the caller's X-Api-Key upstream, and the health
 * endpoints must answer load balancers without credentials.
 *
 * <p>Needed because of how Payara (6.2025.x, Soteria) installs Jakarta Security in an EAR: admin-ui's
 * {@code HttpAuthenticationMechanism} makes it register its bridge authentication module for EVERY web module
 * of the application, and in this one, which cannot see admin-ui's bean, the bridge finds no mechanism and
 * every request to the root context, {@code /mcp} and Payara's {@code /health} included, fails with HTTP 500
 * (NullPointerException "mechanismInstance is null" in the server log). With this bean the bridge finds a
 * mechanism here that lets every request through unauthenticated. Deployed as its own WAR (Payara Micro),
 * Soteria then runs this pass-through for each request, with the same outcome as having no mechanism.
 */
@ApplicationScoped
public class AnonymousAccessMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return context.doNothing();
    }
}
