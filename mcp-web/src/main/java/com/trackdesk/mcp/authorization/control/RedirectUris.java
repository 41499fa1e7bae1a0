package com.trackdesk.mcp.authorization.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which redirect URIs a client may register and use. A redirect URI must be registered exactly, with one
 * exception from RFC 8252 §7.3: a loopback {@code http://127.0.0.1|[::1]|localhost} URI matches on any port,
 * since native apps pick a free port each time. Allowed to register: https, loopback http, and private-use
 * schemes of native apps ({@code cursor://…}); never other http, fragments, or script-like schemes.
 */
public final class RedirectUris {

    private static final List<String> FORBIDDEN_SCHEMES = List.of("javascript", "data", "vbscript", "file", "about", "blob");

    private RedirectUris() {
    }

    /** Why this URI cannot be registered, or empty when it can. */
    public static Optional<String> problem(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (Exception e) {
            return Optional.of("redirect URI is not a URI: " + printable(uri));
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
            return Optional.of("redirect URI must be absolute and without fragment: " + printable(uri));
        }
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return Optional.of("redirect URI scheme not allowed: " + scheme);
        }
        if (scheme.equals("http") && !isLoopback(parsed)) {
            return Optional.of("an http redirect URI must be a loopback address (use https): " + printable(uri));
        }
        if ((scheme.equals("http") || scheme.equals("https")) && (parsed.getHost() == null || parsed.getRawUserInfo() != null)) {
            return Optional.of("redirect URI must name a host and no user info: " + printable(uri));
        }
        return Optional.empty();
    }

    /** Whether the requested redirect URI is one of the registered ones. */
    public static boolean matches(List<String> registered, String requested) {
        if (requested == null) {
            return false;
        }
        if (registered.contains(requested)) {
            return true;
        }
        URI asked;
        try {
            asked = new URI(requested);
        } catch (Exception e) {
            return false;
        }
        if (!"http".equalsIgnoreCase(asked.getScheme()) || !isLoopback(asked)) {
            return false;
        }
        return registered.stream().anyMatch(r -> sameExceptPort(r, asked));
    }

    private static boolean sameExceptPort(String registered, URI asked) {
        try {
            URI r = new URI(registered);
            return "http".equalsIgnoreCase(r.getScheme()) && isLoopback(r)
                    && r.getHost().equalsIgnoreCase(asked.getHost())
                    && java.util.Objects.equals(r.getRawPath(), asked.getRawPath())
                    && java.util.Objects.equals(r.getRawQuery(), asked.getRawQuery());
        } catch (Exception e) {
            return false;
        }
    }

    /** The redirect URI with OAuth answer parameters added to its query (form-encoded, as RFC 6749 §4.1.2 asks). */
    public static URI withQuery(String redirectUri, java.util.Map<String, String> parameters) {
        StringBuilder target = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (var parameter : parameters.entrySet()) {
            target.append(separator).append(parameter.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(parameter.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(target.toString());
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
    }

    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
