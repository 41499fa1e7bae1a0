package com.trackdesk.mcp.security.boundary;

import com.trackdesk.mcp.security.control.CsrfTokens;
import com.trackdesk.mcp.security.entity.SessionView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.security.enterprise.SecurityContext;

/** {@code GET /admin/api/session}: the logged-in user and the CSRF token (null for Basic-authenticated scripts). */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SecurityContext securityContext;

    @Context
    HttpServletRequest request;

    @GET
    public SessionView current() {
        HttpSession session = request.getSession(false);
        return new SessionView(securityContext.getCallerPrincipal().getName(),
                session == null ? null : CsrfTokens.of(session));
    }
}
