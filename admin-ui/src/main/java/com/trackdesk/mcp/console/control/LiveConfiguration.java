package com.trackdesk.mcp.console.control;

import com.trackdesk.mcp.console.entity.ConfigurationView;
import com.trackdesk.mcp.console.entity.ConfigurationView.CatalogView;
import com.trackdesk.mcp.console.entity.ConfigurationView.MetricsView;
import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.CatalogLoad;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.RedactedLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Collects what the configuration page shows. Settings come from MicroProfile Config of this WAR
 * (environment variables and system properties, which both WARs share), read once at deployment like
 * the MCP endpoint reads them: a value re-read per page view could show a change the endpoint never
 * applied. The catalog comes from the MCP endpoint's own report in the metrics database, because only it
 * knows what it loaded.
 */
@ApplicationScoped
public class LiveConfiguration {

    static final int OPERATIONS_CALLED_DAYS = 30;
    static final String DEFAULT_SPEC = "bundled Trackdesk description (MCP_SPEC not set)";
    static final String DEFAULT_UPSTREAM = "https://{tenant}.trackdesk.com";

    private Optional<String> spec;
    private String upstreamUrl;
    private boolean readOnly;
    private MetricsDatabase database;
    private MetricsOptions options;

    protected LiveConfiguration() {
        // for the CDI proxy
    }

    @Inject
    public LiveConfiguration(@ConfigProperty(name = "MCP_SPEC") Optional<String> spec,
                             @ConfigProperty(name = "MCP_UPSTREAM_URL", defaultValue = DEFAULT_UPSTREAM) String upstreamUrl,
                             @ConfigProperty(name = "MCP_READ_ONLY", defaultValue = "false") boolean readOnly,
                             MetricsDatabase database, MetricsOptions options) {
        this.spec = spec;
        this.upstreamUrl = upstreamUrl;
        this.readOnly = readOnly;
        this.database = database;
        this.options = options;
    }

    public ConfigurationView current() {
        CatalogView catalog = null;
        long operationsCalled = 0;
        if (database.open()) {
            catalog = latestCatalog();
            operationsCalled = operationsCalled();
        }
        return new ConfigurationView(
                spec.filter(location -> !location.isBlank()).map(RedactedLocation::of).orElse(DEFAULT_SPEC),
                RedactedLocation.of(upstreamUrl),
                readOnly,
                catalog, operationsCalled, OPERATIONS_CALLED_DAYS,
                new MetricsView(RedactedLocation.of(options.databaseUrl()), options.tenantMode().name().toLowerCase(),
                        options.storeQueries(), options.retentionDays()));
    }

    private CatalogView latestCatalog() {
        return database.read(em -> {
            List<CatalogLoad> loads = em.createQuery("SELECT c FROM CatalogLoad c ORDER BY c.id DESC", CatalogLoad.class)
                    .setMaxResults(1).getResultList();
            return loads.isEmpty() ? null : new CatalogView(loads.get(0).loadedAt().toInstant(ZoneOffset.UTC),
                    loads.get(0).specSource(), loads.get(0).operationCount());
        });
    }

    private long operationsCalled() {
        LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC).minusDays(OPERATIONS_CALLED_DAYS);
        return database.read(em -> em.createQuery("SELECT COUNT(DISTINCT r.operationId) FROM CallRollup r"
                        + " WHERE r.resolutionMinutes = 60 AND r.tenant = '*' AND r.tool = 'execute' AND r.operationId <> ''"
                        + " AND r.bucketStart >= :since", Long.class)
                .setParameter("since", since).getSingleResult());
    }
}
