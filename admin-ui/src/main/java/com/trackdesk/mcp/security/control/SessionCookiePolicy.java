package com.trackdesk.mcp.security.control;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie is HttpOnly and SameSite=Strict (web.xml), and Secure whenever the request came over
 * HTTPS (the container's default). Behind a proxy that ends TLS the container sees plain HTTP:
 * MCP_ADMIN_COOKIE_SECURE=true then marks the cookie Secure always.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    static final String SECURE_KEY = "MCP_ADMIN_COOKIE_SECURE";

    /** Listeners are injection targets like servlets: the container injects before contextInitialized. */
    @Inject
    @ConfigProperty(name = SECURE_KEY, defaultValue = "false")
    boolean alwaysSecure;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        if (alwaysSecure) {
            cookie.setSecure(true);
        }
    }
}
