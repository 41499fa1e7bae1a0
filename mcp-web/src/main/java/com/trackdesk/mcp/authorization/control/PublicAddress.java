package com.trackdesk.mcp.authorization.control;

import java.util.Locale;

/**
 * The URLs this tenant host is reached under, as the client sees them: the issuer
 * ({@code https://acme.trackdesk.com}), the protected resources ({@code …/mcp}, {@code …/mcp/readonly}) and their
 * metadata. The scheme is the request's, or {@code X-Forwarded-Proto} from a TLS-terminating proxy (Caddy sets it);
 * the host is the Host header, which also names the tenant.
 */
public record PublicAddress(String origin) {

    public static final String MCP_PATH = "/mcp";
    public static final String READ_ONLY_PATH = "/mcp/readonly";

    public static PublicAddress of(String requestScheme, String forwardedProto, String host) {
        String scheme = requestScheme == null ? "http" : requestScheme.toLowerCase(Locale.ROOT);
        if (forwardedProto != null) {
            String first = forwardedProto.split(",")[0].trim().toLowerCase(Locale.ROOT);
            if (first.equals("https") || first.equals("http")) {
                scheme = first;
            }
        }
        return new PublicAddress(scheme + "://" + (host == null ? "" : host.trim().toLowerCase(Locale.ROOT)));
    }

    public String issuer() {
        return origin;
    }

    public String resource(boolean readOnly) {
        return origin + (readOnly ? READ_ONLY_PATH : MCP_PATH);
    }

    public String resourceMetadata(boolean readOnly) {
        return origin + "/.well-known/oauth-protected-resource" + (readOnly ? READ_ONLY_PATH : MCP_PATH);
    }

    public String authorizationEndpoint() {
        return origin + "/oauth/authorize";
    }

    public String tokenEndpoint() {
        return origin + "/oauth/token";
    }

    public String registrationEndpoint() {
        return origin + "/oauth/register";
    }
}
