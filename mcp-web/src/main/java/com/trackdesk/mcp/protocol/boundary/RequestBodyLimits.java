package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.protocol.control.JsonDepthLimit;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

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

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream in = context.getInputStream();
        long limit = Math.min(maxRequestBytes, Integer.MAX_VALUE - 16L);
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(limit + 1, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > limit) {
                throw new WebApplicationException(JsonRpcErrors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        JsonRpcErrors.INVALID_REQUEST, "Request body larger than " + maxRequestBytes
                                + " bytes (MCP_MAX_REQUEST_BYTES)"));
            }
            body.write(buffer, 0, read);
        }
        byte[] bytes = body.toByteArray();
        if (depth.exceeded(bytes, bytes.length)) {
            throw new WebApplicationException(JsonRpcErrors.response(Response.Status.BAD_REQUEST,
                    JsonRpcErrors.INVALID_REQUEST, "JSON nested deeper than " + depth.maxDepth()
                            + " levels (MCP_MAX_JSON_DEPTH)"));
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }
}
