package com.trackdesk.mcp.security.control;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Whether a browser request comes from a page of this server. Current browsers say so in
 * {@code Sec-Fetch-Site}; older ones send {@code Origin} with every POST. A request with neither (a
 * script, curl) is not a cross-site browser request.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean isSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return host != null && (host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
