package com.trackdesk.mcp.catalog.boundary;

import com.trackdesk.mcp.catalog.control.RefreshInterval;
import com.trackdesk.mcp.catalog.control.SpecDocumentReader;
import com.trackdesk.mcp.catalog.control.SpecLocations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Re-fetches a spec served from an http(s) URL every MCP_SPEC_REFRESH (ISO-8601 duration or seconds).
 * A timer is the trigger, so this is a boundary; the work is {@link Catalog#refresh()}.
 * (Also the module's EJB: an ejb-jar without one is rejected by the server.)
 */
@Singleton
@Startup
public class SpecRefresh {

    private static final Logger LOG = Logger.getLogger(SpecRefresh.class.getName());

    @Inject
    Catalog catalog;

    @Inject
    @ConfigProperty(name = Catalog.SPEC_KEY)
    Optional<String> spec = Optional.empty();

    /** ISO-8601 duration or seconds; read by {@link RefreshInterval}, whose refusal of a wrong value stops the deployment. */
    @Inject
    @ConfigProperty(name = Catalog.REFRESH_KEY)
    Optional<String> refresh = Optional.empty();

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        var location = spec.orElse("");
        var interval = refreshInterval();
        if (interval.isEmpty() || !SpecDocumentReader.isRemote(location)) {
            return;
        }
        long millis = interval.get().toMillis();
        // Not persistent: a restarted server loads the spec anyway and schedules anew.
        timers.createIntervalTimer(millis, millis, new TimerConfig("spec refresh", false));
        LOG.info(() -> "Re-fetching " + SpecLocations.withoutSecrets(location) + " every " + interval.get());
    }

    /** A wrong interval stops the deployment; logged here too, as the container's wrapper exception lacks our words. */
    private Optional<Duration> refreshInterval() {
        try {
            return refresh.flatMap(RefreshInterval::parse);
        } catch (IllegalArgumentException wrong) {
            LOG.severe(() -> "Invalid configuration, the application does not start: " + wrong.getMessage());
            throw wrong;
        }
    }

    @Timeout
    void refresh() {
        catalog.refresh();
    }
}
