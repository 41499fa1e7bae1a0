package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.Charset;

/**
 * Malformed {@code Content-Type} or {@code Accept} headers (an empty or half media type, a {@code q} of 2,
 * a charset Java does not know) made JAX-RS answer with the server's HTML error page (400) or fail while
 * decoding the body (500). They are refused here, before routing, with a JSON-RPC error like every other
 * transport problem: 415 for the body's type, 400 for Accept.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaTypeCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("mcp") && !path.equals("/mcp") && !path.equals("mcp/") && !path.equals("/mcp/")) {
            return;
        }
        if (request.getHeaderString("Content-Type") != null) {
            String problem = contentTypeProblem(request);
            if (problem != null) {
                request.abortWith(JsonRpcErrors.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, JsonRpcErrors.INVALID_REQUEST,
                        problem));
                return;
            }
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException malformed) {
            request.abortWith(JsonRpcErrors.response(Response.Status.BAD_REQUEST, JsonRpcErrors.INVALID_REQUEST,
                    "The Accept header is not a valid list of media types; send 'application/json, text/event-stream'"));
        }
    }

    private static String contentTypeProblem(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException malformed) {
            return "The Content-Type header is not a valid media type; send 'application/json'";
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null) {
            try {
                Charset.forName(charset.trim());
            } catch (RuntimeException unknown) {
                return "Unknown charset in the Content-Type header; send JSON as UTF-8";
            }
        }
        return null;
    }
}
