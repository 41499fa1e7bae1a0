package com.trackdesk.mcp.catalog.boundary;

import org.eclipse.microprofile.config.Config;

/** Builds a {@link Catalog} the way the container would, for tests of beans that use one. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static Catalog configuredBy(Config config) {
        var catalog = new Catalog();
        catalog.config = config;
        return catalog;
    }
}
