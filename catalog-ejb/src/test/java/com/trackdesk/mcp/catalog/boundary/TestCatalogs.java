package com.trackdesk.mcp.catalog.boundary;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/** Builds a {@link Catalog} the way the container would (its settings from the given config), for tests of beans that use one. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static Catalog configuredBy(Config config) {
        var catalog = new Catalog();
        catalog.spec = config.getOptionalValue(Catalog.SPEC_KEY, String.class);
        return catalog;
    }

    /** As if MCP_SPEC named another document, for tests of reloading. */
    public static void pointAt(Catalog catalog, String location) {
        catalog.spec = Optional.of(location);
    }
}
