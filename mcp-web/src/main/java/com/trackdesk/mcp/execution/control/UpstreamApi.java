package com.trackdesk.mcp.execution.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile Rest Client view of a tenant's Trackdesk API: one method per HTTP verb, the JSON body the only
 * argument. Where each call goes (the operation's path and query, only known at run time) and the caller's API key
 * are set by {@link TargetFilter} from the {@link OutgoingCall} of the calling thread, not passed as
 * {@code @HeaderParam}s: Jersey's proxy resolves the converters of such parameters again on every call, by
 * reflection that throws and catches a {@code NoSuchMethodException} per parameter — most of the CPU an
 * {@code execute} spent outside the upstream. The key is never kept in the (cached, per-tenant) client.
 *
 * <p>No class-level {@code @Path}: Jersey would then scan this interface as a server resource.
 */
@Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public interface UpstreamApi {

    String API_KEY_HEADER = "X-Api-Key";

    @GET
    Response get();

    @HEAD
    Response head();

    @DELETE
    Response delete();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(String body);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    Response put(String body);

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    Response patch(String body);
}
