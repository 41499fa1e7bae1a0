package com.trackdesk.mcp.tenant.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The base URL of a tenant's Trackdesk API, built only from the configured template and the
 * (already validated) tenant name, never from tool arguments.
 */
@ApplicationScoped
public class UpstreamAddress {

    static final String DEFAULT_TEMPLATE = "https://{tenant}.trackdesk.com";

    private String template;

    UpstreamAddress() {
        // for CDI
    }

    @Inject
    public UpstreamAddress(@ConfigProperty(name = "MCP_UPSTREAM_URL", defaultValue = DEFAULT_TEMPLATE) String template) {
        String trimmed = template.trim();
        this.template = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        URI probe = URI.create(this.template.replace("{tenant}", "probe"));
        if (probe.getScheme() == null || !probe.getScheme().matches("https?") || probe.getHost() == null) {
            throw SettingRules.refused("MCP_UPSTREAM_URL must be an http(s) URL, optionally with {tenant}, was " + template);
        }
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    public URI baseFor(Tenant tenant) {
        return URI.create(template.replace("{tenant}", tenant.name()));
    }

    public String template() {
        return template;
    }
}
