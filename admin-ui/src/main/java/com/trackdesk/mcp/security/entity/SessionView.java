package com.trackdesk.mcp.security.entity;

/** Who is logged in, and the token the console's scripts send with state-changing requests. */
public record SessionView(String user, String csrfToken) {
}
