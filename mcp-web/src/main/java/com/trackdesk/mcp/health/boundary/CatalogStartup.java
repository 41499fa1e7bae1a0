package com.trackdesk.mcp.health.boundary;

import com.trackdesk.mcp.health.control.CatalogCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the operation catalog is loaded (see {@link CatalogCheck}); for startup probes. */
@Startup
@ApplicationScoped
public class CatalogStartup implements HealthCheck {

    @Inject
    CatalogCheck catalog;

    @Override
    public HealthCheckResponse call() {
        return catalog.check();
    }
}
