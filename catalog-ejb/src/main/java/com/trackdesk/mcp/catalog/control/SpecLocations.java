package com.trackdesk.mcp.catalog.control;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How a spec location may be shown in logs, messages and {@code CatalogInfo.source}: a URL without its
 * user info, query and fragment, which may carry credentials or access tokens
 * ({@code https://user:secret@host/spec.json?access_token=...}). Paths and resource names stay as they are.
 */
public final class SpecLocations {

    private SpecLocations() {
    }

    public static String withoutSecrets(String location) {
        if (location == null) {
            return "";
        }
        String text = location.strip();
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                String host = uri.getHost() != null ? uri.getHost() : "?";
                String shown = new URI(uri.getScheme(), null, host, uri.getPort(), uri.getPath(), null, null).toString();
                boolean hidden = uri.getRawQuery() != null || uri.getRawUserInfo() != null || uri.getRawFragment() != null;
                return hidden ? shown + " (credentials and query hidden)" : shown;
            }
        } catch (URISyntaxException notAUri) {
            int scheme = text.indexOf("://");
            if (scheme > 0) {
                int at = text.lastIndexOf('@');
                String rest = at > scheme ? text.substring(at + 1) : text.substring(scheme + 3);
                return text.substring(0, scheme + 3) + rest.replaceAll("[?#].*$", "") + " (credentials and query hidden)";
            }
        }
        return text;
    }
}
