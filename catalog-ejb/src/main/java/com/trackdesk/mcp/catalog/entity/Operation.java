package com.trackdesk.mcp.catalog.entity;

import java.util.List;
import java.util.Optional;

/**
 * One callable operation of the API description, with every {@code $ref} already resolved,
 * so that callers never need the OpenAPI model itself.
 *
 * @param operationId  the spec's operationId, or a stable generated {@code METHOD_path} one
 * @param method       upper-case HTTP method
 * @param path         path template as written in the spec, e.g. {@code /api/node/affiliates/v1/{accountId}}
 * @param readOnly     true when the operation only reads (GET/HEAD, or a POST that lists/searches/reports);
 *                     decides retries and read-only mode
 * @param requestBody  the JSON request body, if the operation takes one
 * @param responseCodes status codes the spec declares ("200", "default", ...)
 * @param labels       short names the vendor files the operation under in {@code x-*} extensions
 *                     (GitHub's category "pulls"); searchable like tags, never used to filter
 */
public record Operation(
        String operationId,
        String method,
        String path,
        String summary,
        String description,
        List<String> tags,
        List<Parameter> parameters,
        Optional<RequestBody> requestBody,
        List<String> responseCodes,
        boolean readOnly,
        List<String> labels) {

    public Operation {
        tags = List.copyOf(tags);
        labels = List.copyOf(labels);
        parameters = List.copyOf(parameters);
        responseCodes = List.copyOf(responseCodes);
    }

    /** An operation whose spec has no vendor extensions. */
    public Operation(String operationId, String method, String path, String summary, String description, List<String> tags,
                     List<Parameter> parameters, Optional<RequestBody> requestBody, List<String> responseCodes, boolean readOnly) {
        this(operationId, method, path, summary, description, tags, parameters, requestBody, responseCodes, readOnly, List.of());
    }

    public List<Parameter> parametersIn(ParameterLocation location) {
        return parameters.stream().filter(p -> p.location() == location).toList();
    }

    public Optional<Parameter> parameter(ParameterLocation location, String name) {
        return parameters.stream().filter(p -> p.location() == location && p.name().equals(name)).findFirst();
    }

    /** "GET /path" — how people and logs name an operation. */
    public String signature() {
        return method + " " + path;
    }
}
