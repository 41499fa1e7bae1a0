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
                    .withData("source", withoutSecrets(info.source()))
                    .withData("loadedAt", String.valueOf(info.loadedAt()))
                    .withData("fallback", info.fallback())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }

    /** A spec URL may carry a token in its query or user info; health answers are not secret. */
    public static String withoutSecrets(String source) {
        if (source == null) {
            return "";
        }
        String cut = source;
        int query = cut.indexOf('?');
        if (query >= 0) {
            cut = cut.substring(0, query);
        }
        int scheme = cut.indexOf("://");
        int at = cut.indexOf('@');
        int slash = scheme < 0 ? -1 : cut.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            cut = cut.substring(0, scheme + 3) + cut.substring(at + 1);
        }
        return cut;
    }
}
