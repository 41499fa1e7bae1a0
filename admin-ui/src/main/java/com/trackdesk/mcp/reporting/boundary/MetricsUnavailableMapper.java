package com.trackdesk.mcp.reporting.boundary;

import com.trackdesk.mcp.console.entity.ApiProblem;
import com.trackdesk.mcp.metrics.control.MetricsDatabaseUnavailable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The metrics database is down: 503 with the reason, so the console can say so instead of showing zeros. */
@Provider
public class MetricsUnavailableMapper implements ExceptionMapper<MetricsDatabaseUnavailable> {

    @Override
    public Response toResponse(MetricsDatabaseUnavailable failure) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiProblem("metrics database unavailable", failure.getMessage()))
                .build();
    }
}
