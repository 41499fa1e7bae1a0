package com.trackdesk.mcp.health.control;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.entity.CatalogInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * UP once an operation catalog with at least one operation is being served. A catalog that fell back to
 * the bundled Trackdesk description because a URL spec could not be fetched still serves calls, so it
 * stays UP and says {@code fallback: true}: taking every instance out of the load balancer because one
 * spec server is down would turn a stale catalog into an outage.
 */
@ApplicationScoped
public class CatalogCheck {

    public static final String NAME = "catalog";

    @Inject
    Catalog catalog;

    public HealthCheckResponse check() {
        try {
            CatalogInfo info = catalog.info();
            return HealthCheckResponse.named(NAME)
                    .status(info.operationCount() > 0)
                    .withData("operations", info.operationCount())
                    .withData("title", String.valueOf(info.title()))
                    .withData("version", String.valueOf(info.version()))
                    .withData("source", info.source())
                    .withData("loadedAt", String.valueOf(info.loadedAt()))
                    .withData("fallback", info.fallback())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }
}
