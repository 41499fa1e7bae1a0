package com.trackdesk.mcp.catalog.entity;

import java.util.List;
import java.util.Map;

/**
 * The request body an operation accepts.
 *
 * @param contentType  the preferred media type (application/json when offered)
 * @param schema       JSON Schema as plain maps/lists with {@code $ref}s resolved; recursive
 *                     references are cut with a {@code $comment} instead of looping
 * @param topLevelFields names of the schema's top-level properties, for compact signatures
 */
public record RequestBody(
        boolean required,
        String contentType,
        String description,
        Map<String, Object> schema,
        List<String> topLevelFields) {

    public RequestBody {
        topLevelFields = List.copyOf(topLevelFields);
    }
}
