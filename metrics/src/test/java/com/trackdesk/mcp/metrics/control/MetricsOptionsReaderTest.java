package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsOptionsReaderTest {

    static MetricsOptions read(Map<String, String> config) {
        return new MetricsOptionsReader(key -> Optional.ofNullable(config.get(key))).read();
    }

    @Test
    void defaultsArePrivateAndUseAnH2FileInTheDataDirectory() {
        MetricsOptions options = read(Map.of());

        assertThat(options.databaseUrl()).isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("metrics"));
        assertThat(options.databaseUser()).isEqualTo("sa");
        assertThat(options.tenantMode()).isEqualTo(TenantMode.HASHED);
        assertThat(options.tenantSalt()).isEmpty();
        assertThat(options.storeQueries()).isFalse();
        assertThat(options.retentionDays()).isEqualTo(30);
        assertThat(options.queueCapacity()).isEqualTo(10_000);
        assertThat(options.instanceName()).as("the host name names the instance").isNotBlank();
    }

    @Test
    void everySettingCanBeChanged() {
        MetricsOptions options = read(Map.of("MCP_DB_URL", "jdbc:postgresql://db/metrics", "MCP_DB_USER", "mcp",
                "MCP_DB_PASSWORD", "pw", "MCP_METRICS_TENANT_MODE", "plain", "MCP_METRICS_SALT", "pepper",
                "MCP_METRICS_STORE_QUERIES", "true", "MCP_METRICS_RETENTION_DAYS", "7", "MCP_METRICS_QUEUE_CAPACITY", "500",
                "MCP_INSTANCE_NAME", "mcp-7"));

        assertThat(options).isEqualTo(new MetricsOptions("jdbc:postgresql://db/metrics", "mcp", "pw", TenantMode.PLAIN,
                Optional.of("pepper"), true, 7, 500, "mcp-7"));
        assertThat(options.toString()).doesNotContain("pw").doesNotContain("pepper");
    }

    @Test
    void theDataDirectoryMovesTheDefaultDatabase() {
        assertThat(read(Map.of("MCP_DATA_DIR", "/var/lib/mcp")).databaseUrl()).isEqualTo("jdbc:h2:file:/var/lib/mcp/metrics");
    }

    @Test
    void wrongValuesFallBackToTheSafeDefaults() {
        MetricsOptions options = read(Map.of("MCP_METRICS_TENANT_MODE", "clear", "MCP_METRICS_STORE_QUERIES", "yes",
                "MCP_METRICS_RETENTION_DAYS", "-3", "MCP_METRICS_QUEUE_CAPACITY", "lots"));

        assertThat(options.tenantMode()).isEqualTo(TenantMode.HASHED);
        assertThat(options.storeQueries()).isFalse();
        assertThat(options.retentionDays()).isEqualTo(30);
        assertThat(options.queueCapacity()).isEqualTo(10_000);
    }
}
