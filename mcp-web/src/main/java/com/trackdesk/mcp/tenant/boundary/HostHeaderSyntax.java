package com.trackdesk.mcp.tenant.boundary;

import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Refuses a Host header that is not {@code host[:port]} (RFC 3986) before JAX-RS sees it. Jersey builds the
 * request's base URI from the Host, and some shapes the web container lets through ({@code "? #"}) make
 * it fail with a 500 and the server's error page; the tenant could not be read from such a Host anyway.
 */
@WebFilter(urlPatterns = "/*")
public class HostHeaderSyntax extends HttpFilter {

    /** An IP literal or a registered name (letters, digits, sub-delims, percent escapes), then a port. */
    static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]{0,5})?");

    @Inject
    @ConfigProperty(name = "MCP_TENANT_DOMAIN", defaultValue = "trackdesk.com")
    String domain;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = request.getHeader("Host");
        if (host == null || HOST.matcher(host).matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JsonRpcErrors.body(JsonRpcErrors.INVALID_REQUEST,
                "The Host header is not a host name with an optional port: connect to"
                        + " https://<your-subdomain>." + domain + "/mcp"));
    }
}
