package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.DATA_DIR;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.DB_PASSWORD;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.DB_URL;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.DB_USER;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.INSTANCE_NAME;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.QUEUE_CAPACITY;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.RETENTION_DAYS;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.SALT;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.STORE_QUERIES;
import static com.trackdesk.mcp.metrics.control.MetricsOptionsReader.TENANT_MODE;

/**
 * Makes {@link MetricsOptions} injectable, from MicroProfile Config (environment, system properties). The values
 * are injected as text and checked by {@link MetricsOptionsReader} rather than converted by MicroProfile Config:
 * a wrong value is logged (naming the variable) and replaced by the safe default, because a conversion error
 * would fail the deployment of the WAR, and these classes ship inside mcp-web, whose MCP endpoint must not go
 * down over a metrics setting. The metrics connection pool reads the same keys itself
 * ({@link ConfiguredDataSource}), so that both always agree.
 */
@ApplicationScoped
public class MetricsConfiguration {

    @Inject
    @ConfigProperty(name = DATA_DIR)
    Optional<String> dataDir;

    @Inject
    @ConfigProperty(name = DB_URL)
    Optional<String> databaseUrl;

    @Inject
    @ConfigProperty(name = DB_USER)
    Optional<String> databaseUser;

    @Inject
    @ConfigProperty(name = DB_PASSWORD)
    Optional<String> databasePassword;

    @Inject
    @ConfigProperty(name = TENANT_MODE)
    Optional<String> tenantMode;

    @Inject
    @ConfigProperty(name = SALT)
    Optional<String> tenantSalt;

    @Inject
    @ConfigProperty(name = STORE_QUERIES)
    Optional<String> storeQueries;

    @Inject
    @ConfigProperty(name = RETENTION_DAYS)
    Optional<String> retentionDays;

    @Inject
    @ConfigProperty(name = QUEUE_CAPACITY)
    Optional<String> queueCapacity;

    @Inject
    @ConfigProperty(name = INSTANCE_NAME)
    Optional<String> instanceName;

    @Produces
    MetricsOptions options() {
        Map<String, Optional<String>> values = Map.of(DATA_DIR, dataDir, DB_URL, databaseUrl, DB_USER, databaseUser,
                DB_PASSWORD, databasePassword, TENANT_MODE, tenantMode, SALT, tenantSalt, STORE_QUERIES, storeQueries,
                RETENTION_DAYS, retentionDays, QUEUE_CAPACITY, queueCapacity, INSTANCE_NAME, instanceName);
        return new MetricsOptionsReader(key -> values.getOrDefault(key, Optional.empty())).read();
    }
}
