package com.trackdesk.mcp.health.boundary;

import com.trackdesk.mcp.health.control.DatabaseProbe;
import com.trackdesk.mcp.health.control.DatabaseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the metrics database answers, when readiness is to depend on it ({@code MCP_HEALTH_DATABASE}:
 * {@code auto} = when the metrics recorder is part of this application, {@code true}, {@code false}).
 * When it does not, the check stays UP and says {@code checked: false}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "metrics-database";

    @Inject
    DatabaseProbe probe;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("url", probe.settings().safeUrl());
        if (!probe.enabled()) {
            return response.up().withData("checked", false)
                    .withData("reason", "MCP_HEALTH_DATABASE=" + probe.settings().mode().name().toLowerCase()
                            + (probe.settings().mode() == DatabaseSettings.Mode.AUTO
                                    ? " and no metrics recorder in this application" : ""))
                    .build();
        }
        DatabaseProbe.Result result = probe.check();
        return response.status(result.reachable())
                .withData("checked", true)
                .withData(result.reachable() ? "database" : "error", result.detail())
                .build();
    }
}
