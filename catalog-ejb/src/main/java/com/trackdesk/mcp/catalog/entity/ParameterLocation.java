package com.trackdesk.mcp.catalog.entity;

import java.util.Locale;

/** Where an OpenAPI parameter travels. */
public enum ParameterLocation {
    PATH, QUERY, HEADER, COOKIE;

    public static ParameterLocation of(String in) {
        return valueOf(in.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
