package com.trackdesk.mcp.execution.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile Rest Client view of a tenant's Trackdesk API: one method per HTTP verb.
 * The path and query of each call travel in {@link TargetFilter#TARGET_HEADER} because the operation's
 * path is only known at run time; {@link TargetFilter} turns it into the request URI and removes the
 * header before anything is sent. The API key travels per call as a header parameter and is never
 * kept in the (cached, per-tenant) client.
 *
 * <p>No class-level {@code @Path}: Jersey would then scan this interface as a server resource.
 */
@Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public interface UpstreamApi {

    String API_KEY_HEADER = "X-Api-Key";

    @GET
    Response get(@HeaderParam(TargetFilter.TARGET_HEADER) String target, @HeaderParam(API_KEY_HEADER) String apiKey);

    @HEAD
    Response head(@HeaderParam(TargetFilter.TARGET_HEADER) String target, @HeaderParam(API_KEY_HEADER) String apiKey);

    @DELETE
    Response delete(@HeaderParam(TargetFilter.TARGET_HEADER) String target, @HeaderParam(API_KEY_HEADER) String apiKey);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@HeaderParam(TargetFilter.TARGET_HEADER) String target, @HeaderParam(API_KEY_HEADER) String apiKey,
                  String body);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    Response put(@HeaderParam(TargetFilter.TARGET_HEADER) String target, @HeaderParam(API_KEY_HEADER) String apiKey,
                 String body);

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    Response patch(@HeaderParam(TargetFilter.TARGET_HEADER) String target, @HeaderParam(API_KEY_HEADER) String apiKey,
                   String body);
}
