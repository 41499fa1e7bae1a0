package com.trackdesk.mcp.health.boundary;

import com.trackdesk.mcp.health.control.ShutdownSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready from the moment the server begins to shut down (see {@link ShutdownSignal}). */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

    static final String NAME = "shutdown";

    @Inject
    ShutdownSignal signal;

    @Override
    public HealthCheckResponse call() {
        if (!signal.shuttingDown()) {
            return HealthCheckResponse.named(NAME).up().withData("shuttingDown", false).build();
        }
        return HealthCheckResponse.named(NAME).down().withData("shuttingDown", true)
                .withData("since", signal.since().toString()).build();
    }
}
