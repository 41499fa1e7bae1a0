package com.trackdesk.mcp.security.control;

import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One random token per login session (synchronizer token pattern). State-changing requests must
 * present it; a page of another site cannot read it, so it cannot forge such a request.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrf";
    static final String SESSION_ATTRIBUTE = "trackdesk.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    public static String issue(HttpSession session) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        session.setAttribute(SESSION_ATTRIBUTE, value);
        return value;
    }

    public static String of(HttpSession session) {
        return (String) session.getAttribute(SESSION_ATTRIBUTE);
    }

    public static boolean matches(HttpSession session, String presented) {
        String expected = session == null ? null : of(session);
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
