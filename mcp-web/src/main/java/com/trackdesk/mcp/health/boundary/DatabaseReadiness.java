package com.trackdesk.mcp.health.boundary;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.metrics.boundary.MetricsDatabaseHealth;
import com.trackdesk.mcp.metrics.entity.DatabaseReachability;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;

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

    /** A misspelt switch would silently mean "checked": refused instead, naming the setting. */
    @PostConstruct
    void checkSettings() {
        switch (checked.strip().toLowerCase(Locale.ROOT)) {
            case "true", "auto", "false" -> { }
            default -> throw SettingRules.refused(SWITCH + " must be true, auto or false, was '" + checked + "'");
        }
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

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
