package com.trackdesk.mcp.health.boundary;

import com.trackdesk.mcp.metrics.boundary.MetricsDatabaseHealth;
import com.trackdesk.mcp.metrics.entity.DatabaseReachability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the metrics database answers, unless {@code MCP_HEALTH_DATABASE=false}: with one shared
 * database, a database outage takes every instance out of the balancer, which is right where metrics must
 * not be lost and wrong where serving calls matters more. The database is asked by the metrics recorder's
 * own health probe, so both read one configuration.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "metrics-database";
    static final String SWITCH = "MCP_HEALTH_DATABASE";

    @Inject
    MetricsDatabaseHealth database;

    /** {@code true} (also {@code auto}, its former default) or {@code false}. */
    @Inject
    @ConfigProperty(name = SWITCH, defaultValue = "true")
    String checked;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("url", database.location());
        if ("false".equalsIgnoreCase(checked.strip())) {
            return response.up().withData("checked", false).withData("reason", SWITCH + "=false").build();
        }
        DatabaseReachability answer = database.check();
        return response.status(answer.reachable())
                .withData("checked", true)
                .withData(answer.reachable() ? "database" : "error", answer.detail())
                .build();
    }
}
