package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.protocol.control.JsonDepthLimit;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Bounds every request body while it is read, whatever its framing: {@link McpHeaderFilter} refuses a
 * declared Content-Length above {@code MCP_MAX_REQUEST_BYTES}, but a chunked body declares none, so the
 * bytes are counted here as well (HTTP 413). The same pass refuses JSON nested deeper than
 * {@code MCP_MAX_JSON_DEPTH} (HTTP 400, JSON-RPC -32600) before the MCP SDK parses it.
 *
 * <p>The error answers carry their JSON-RPC body in the exception's response, so JAX-RS sends them
 * as they are (an exception mapper is only consulted for responses without an entity).
 */
@Provider
public class RequestBodyLimits implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "MCP_MAX_REQUEST_BYTES", defaultValue = "1048576")
    long maxRequestBytes;

    @Inject
    JsonDepthLimit depth;

    /**
     * Enough for a declared body in one array; a larger declaration (it may be a lie, it is only refused above
     * MCP_MAX_REQUEST_BYTES) grows the array as the bytes really arrive.
     */
    static final int MAX_PREALLOCATED = 64 * 1024;
    /** A chunked body's first array: MCP requests are mostly a few hundred bytes. */
    static final int UNDECLARED_START = 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream in = context.getInputStream();
        long limit = Math.min(maxRequestBytes, Integer.MAX_VALUE - 16L);
        // read straight into one array sized by Content-Length: a copy buffer plus a growing stream plus its copy
        // cost three arrays of 8 KB and more per request (issue 17)
        byte[] bytes = new byte[initialCapacity(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH), limit)];
        int length = 0;
        while (true) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit + 1, bytes.length * 2L));
            }
            int read = in.read(bytes, length, bytes.length - length);
            if (read < 0) {
                break;
            }
            length += read;
            if (length > limit) {
                throw new WebApplicationException(JsonRpcErrors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        JsonRpcErrors.INVALID_REQUEST, "Request body larger than " + maxRequestBytes
                                + " bytes (MCP_MAX_REQUEST_BYTES)"));
            }
        }
        if (depth.exceeded(bytes, length)) {
            throw new WebApplicationException(JsonRpcErrors.response(Response.Status.BAD_REQUEST,
                    JsonRpcErrors.INVALID_REQUEST, "JSON nested deeper than " + depth.maxDepth()
                            + " levels (MCP_MAX_JSON_DEPTH)"));
        }
        context.setInputStream(new ByteArrayInputStream(bytes, 0, length));
        return context.proceed();
    }

    /** The declared length and one byte more (room to read the end of the stream), within the bounds above. */
    static int initialCapacity(String contentLength, long limit) {
        long declared = -1;
        if (contentLength != null) {
            try {
                declared = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException notANumber) {
                declared = -1;
            }
        }
        long wanted = declared >= 0 ? declared + 1 : UNDECLARED_START;
        return (int) Math.max(1, Math.min(wanted, Math.min(limit + 1, MAX_PREALLOCATED)));
    }
}
