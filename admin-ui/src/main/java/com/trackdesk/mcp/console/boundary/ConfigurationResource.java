package com.trackdesk.mcp.console.boundary;

import com.trackdesk.mcp.console.control.LiveConfiguration;
import com.trackdesk.mcp.console.entity.ConfigurationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /admin/api/config}: the live configuration page's data. */
@Path("config")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationResource {

    @Inject
    LiveConfiguration configuration;

    @GET
    public ConfigurationView current() {
        return configuration.current();
    }
}
