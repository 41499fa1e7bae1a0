package com.trackdesk.mcp.security.boundary;

import com.trackdesk.mcp.security.control.AdminAccount;
import com.trackdesk.mcp.security.entity.LoginInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /admin/api/login-info}, public: lets the login form explain that no password is set. */
@Path("login-info")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoginInfoResource {

    static final String HOW_TO = "Set MCP_ADMIN_PASSWORD (or MCP_ADMIN_PASSWORD_HASH, a PBKDF2 hash) in the"
            + " server's environment and restart it. ./run generates a password and prints it.";

    @Inject
    AdminAccount account;

    @GET
    public LoginInfo info() {
        return new LoginInfo(account.passwordConfigured(), account.passwordConfigured() ? null : HOW_TO);
    }
}
