package com.trackdesk.mcp.execution.control;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A tenant's Trackdesk API through the plain JAX-RS client: one method per HTTP verb.
 * The path and query of each call travel in {@link TargetFilter#TARGET_HEADER}; {@link TargetFilter} turns it
 * into the request URI on the tenant's base URL and removes the header before anything is sent. The API key
 * travels per call as a header and is never kept in the (cached, per-tenant) client.
 *
 * <p>Not a MicroProfile Rest Client interface on purpose: its proxy resolves the parameter converters of every
 * {@code @HeaderParam} again on each call, by reflection that throws and catches a {@link NoSuchMethodException}
 * (with its stack trace) per parameter — most of the CPU an {@code execute} spent outside the upstream itself.
 */
public final class UpstreamApi {

    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final MediaType[] ACCEPTED = {MediaType.APPLICATION_JSON_TYPE, MediaType.WILDCARD_TYPE};

    private final WebTarget base;

    UpstreamApi(WebTarget base) {
        this.base = base;
    }

    public Response get(String target, String apiKey) {
        return request(target, apiKey).get();
    }

    public Response head(String target, String apiKey) {
        return request(target, apiKey).head();
    }

    public Response delete(String target, String apiKey) {
        return request(target, apiKey).delete();
    }

    public Response post(String target, String apiKey, String body) {
        return withBody(request(target, apiKey), "POST", body);
    }

    public Response put(String target, String apiKey, String body) {
        return withBody(request(target, apiKey), "PUT", body);
    }

    public Response patch(String target, String apiKey, String body) {
        return withBody(request(target, apiKey), "PATCH", body);
    }

    private Invocation.Builder request(String target, String apiKey) {
        return base.request(ACCEPTED).header(TargetFilter.TARGET_HEADER, target).header(API_KEY_HEADER, apiKey);
    }

    /** No body given: the request goes without one, as the rest client sent it. */
    private static Response withBody(Invocation.Builder request, String method, String body) {
        return body == null ? request.method(method) : request.method(method, Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }
}
