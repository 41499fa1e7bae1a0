package com.trackdesk.mcp.metrics.entity;

import java.util.regex.Pattern;

/**
 * How a URL, JDBC URL or path may be stored, shown on the console or written to a log: without user info,
 * query, fragment or JDBC parameters, any of which may carry a password or an access token
 * ({@code https://user:secret@host/spec.json?access_token=…}, {@code jdbc:postgresql://db/metrics?password=…},
 * {@code jdbc:h2:tcp://db/metrics;PASSWORD=…}). Host, port and path stay: they are what an operator needs.
 */
public final class RedactedLocation {

    private static final Pattern SECRET_SETTING =
            Pattern.compile("(?i)(password|secret|token|key)=[^;&]*");

    private RedactedLocation() {
    }

    public static String of(String location) {
        if (location == null) {
            return "";
        }
        String text = location.strip();
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            // a path, a classpath name or a JDBC URL without a host (jdbc:h2:file:/data/metrics;PASSWORD=x)
            return SECRET_SETTING.matcher(text).replaceAll("$1=***");
        }
        int authority = scheme + 3;
        String kept = text.substring(0, firstOf(text, "?#;", authority));
        int path = kept.indexOf('/', authority);
        int at = kept.lastIndexOf('@', path < 0 ? kept.length() : path);
        return at < authority ? kept : kept.substring(0, authority) + kept.substring(at + 1);
    }

    private static int firstOf(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
