package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.catalog.entity.ParameterLocation;

/** The parameter style and explode values OpenAPI assumes when a spec leaves them out. */
public class SerializationDefaults {

    public String style(ParameterLocation location, String declared) {
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        return switch (location) {
            case QUERY, COOKIE -> "form";
            case PATH, HEADER -> "simple";
        };
    }

    /** OpenAPI: explode defaults to true for style "form" and to false for every other style. */
    public boolean explode(String style, Boolean declared) {
        return declared != null ? declared : "form".equals(style);
    }
}
