package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.TenantMode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns configuration keys into {@link MetricsOptions}. A wrong value must never take the MCP endpoint
 * down (it carries this code too), so it is logged and replaced by the safe default: hashed tenants,
 * no stored queries.
 */
public final class MetricsOptionsReader {

    public static final String DATA_DIR = "MCP_DATA_DIR";
    public static final String DB_URL = "MCP_DB_URL";
    public static final String DB_USER = "MCP_DB_USER";
    public static final String DB_PASSWORD = "MCP_DB_PASSWORD";
    public static final String TENANT_MODE = "MCP_METRICS_TENANT_MODE";
    public static final String SALT = "MCP_METRICS_SALT";
    public static final String STORE_QUERIES = "MCP_METRICS_STORE_QUERIES";
    public static final String RETENTION_DAYS = "MCP_METRICS_RETENTION_DAYS";
    public static final String QUEUE_CAPACITY = "MCP_METRICS_QUEUE_CAPACITY";
    public static final String INSTANCE_NAME = "MCP_INSTANCE_NAME";

    private static final Logger LOG = Logger.getLogger(MetricsOptionsReader.class.getName());

    private final Function<String, Optional<String>> config;

    public MetricsOptionsReader(Function<String, Optional<String>> config) {
        this.config = key -> config.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    public MetricsOptions read() {
        String url = config.apply(DB_URL).orElseGet(this::defaultH2Url);
        // H2 creates its first user on first open; both WARs must then keep using the same one
        String user = config.apply(DB_USER).orElse(url.startsWith("jdbc:h2:") ? "sa" : "");
        return new MetricsOptions(url, user, config.apply(DB_PASSWORD).orElse(""),
                tenantMode(), config.apply(SALT), storeQueries(),
                positive(RETENTION_DAYS, 30), positive(QUEUE_CAPACITY, 10_000),
                config.apply(INSTANCE_NAME).orElseGet(MetricsOptionsReader::hostName));
    }

    /** In a cluster every instance has its own host name (docker-compose sets mcp-1, mcp-2). */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | RuntimeException e) {
            return "";
        }
    }

    private String defaultH2Url() {
        // absolute, so that both WARs (and H2, which refuses bare relative paths) name the same file
        Path dataDir = Path.of(config.apply(DATA_DIR).orElse("./data")).toAbsolutePath().normalize();
        return "jdbc:h2:file:" + dataDir.resolve("metrics");
    }

    private TenantMode tenantMode() {
        String value = config.apply(TENANT_MODE).orElse("hashed");
        try {
            return TenantMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warning(TENANT_MODE + "=" + value + " is not hashed|plain; storing tenants hashed");
            return TenantMode.HASHED;
        }
    }

    private boolean storeQueries() {
        String value = config.apply(STORE_QUERIES).orElse("false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            LOG.warning(STORE_QUERIES + "=" + value + " is not true|false; search texts are not stored");
        }
        return value.equalsIgnoreCase("true");
    }

    private int positive(String key, int fallback) {
        Optional<String> value = config.apply(key);
        try {
            int number = value.map(Integer::parseInt).orElse(fallback);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(key + "=" + value.orElse("") + " is not a positive number; using " + fallback);
        return fallback;
    }
}
