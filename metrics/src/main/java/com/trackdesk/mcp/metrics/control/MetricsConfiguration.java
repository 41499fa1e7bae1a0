package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes {@link MetricsOptions} injectable, read from MicroProfile Config (environment, system properties). */
@ApplicationScoped
public class MetricsConfiguration {

    @Produces
    MetricsOptions options() {
        var config = ConfigProvider.getConfig();
        return new MetricsOptionsReader(key -> config.getOptionalValue(key, String.class)).read();
    }
}
