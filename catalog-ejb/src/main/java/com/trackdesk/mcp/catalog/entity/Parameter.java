package com.trackdesk.mcp.catalog.entity;

import java.util.Map;

/**
 * A path, query, header or cookie parameter.
 *
 * @param schema  the parameter's JSON Schema as plain maps/lists, {@code $ref}s resolved
 * @param type    the schema's type ("string", "integer", "array", ...) for compact signatures
 * @param style   OpenAPI serialisation style ("simple", "form", "deepObject", ...), defaults applied
 * @param explode OpenAPI explode flag, defaults applied
 */
public record Parameter(
        String name,
        ParameterLocation location,
        boolean required,
        String type,
        String description,
        Map<String, Object> schema,
        String style,
        boolean explode) {
}
