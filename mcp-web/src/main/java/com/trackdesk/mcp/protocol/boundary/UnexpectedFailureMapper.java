package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last line of defence: any failure becomes a JSON-RPC error body, never an HTML page or a stack
 * trace. JAX-RS's own answers (404, 405, 415, ...) keep their status and Allow header.
 * Only the exception type is logged: messages of third-party exceptions may quote request data.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            Response original = web.getResponse();
            int status = original.getStatus();
            Response.ResponseBuilder answer = Response.fromResponse(JsonRpcErrors.response(status,
                    JsonRpcErrors.INVALID_REQUEST, "HTTP " + status + " " + original.getStatusInfo().getReasonPhrase()));
            if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
                answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
            }
            return answer.build();
        }
        LOG.log(Level.WARNING, "unexpected failure while serving a request: {0}", failure.getClass().getName());
        return JsonRpcErrors.response(Response.Status.INTERNAL_SERVER_ERROR, JsonRpcErrors.INTERNAL_ERROR,
                "Internal error; the request was not completed");
    }
}
