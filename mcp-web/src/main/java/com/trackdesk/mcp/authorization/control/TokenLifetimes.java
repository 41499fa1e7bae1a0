package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How long codes and tokens live: a code 60 s; an access token at most 1 h; a refresh token at most 30 days. */
@ApplicationScoped
public class TokenLifetimes {

    static final Duration CODE = Duration.ofSeconds(60);
    static final Duration MAX_ACCESS = Duration.ofHours(1);
    static final Duration MAX_REFRESH = Duration.ofDays(30);

    private Duration access;
    private Duration refresh;

    TokenLifetimes() {
        // for CDI
    }

    @Inject
    public TokenLifetimes(@ConfigProperty(name = "MCP_OAUTH_ACCESS_TOKEN_SECONDS", defaultValue = "3600") long accessSeconds,
                          @ConfigProperty(name = "MCP_OAUTH_REFRESH_TOKEN_DAYS", defaultValue = "30") long refreshDays) {
        this.access = min(Duration.ofSeconds(SettingRules.positive("MCP_OAUTH_ACCESS_TOKEN_SECONDS", accessSeconds, "seconds")),
                MAX_ACCESS);
        this.refresh = min(Duration.ofDays(SettingRules.positive("MCP_OAUTH_REFRESH_TOKEN_DAYS", refreshDays, "days")),
                MAX_REFRESH);
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    public Duration code() {
        return CODE;
    }

    public Duration access() {
        return access;
    }

    public Duration refresh() {
        return refresh;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
