package com.trackdesk.mcp.reporting.boundary;

import com.trackdesk.mcp.console.entity.ApiProblem;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A query failed in the database (it went away mid-request): 503 JSON; the details go to the log only. */
@Provider
public class PersistenceFailureMapper implements ExceptionMapper<PersistenceException> {

    private static final Logger LOG = Logger.getLogger(PersistenceFailureMapper.class.getName());

    @Override
    public Response toResponse(PersistenceException failure) {
        LOG.log(Level.WARNING, "metrics query failed", failure);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiProblem("metrics database unavailable", "the query failed; see the server log"))
                .build();
    }
}
