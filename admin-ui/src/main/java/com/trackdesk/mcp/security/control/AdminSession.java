package com.trackdesk.mcp.security.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/** Remembers the logged-in admin in the HTTP session; Basic-authenticated scripts get no session. */
public final class AdminSession {

    static final String USER_ATTRIBUTE = "trackdesk.admin";

    private AdminSession() {
    }

    public static void remember(HttpSession session, String user) {
        session.setAttribute(USER_ATTRIBUTE, user);
    }

    public static Optional<String> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(USER_ATTRIBUTE));
    }
}
