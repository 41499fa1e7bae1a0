package com.trackdesk.mcp.health.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSettingsTest {

    static DatabaseSettings read(Map<String, String> values) {
        return DatabaseSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsToTheMetricsH2FileUnderTheDataDirLikeTheRecorder() {
        DatabaseSettings settings = read(Map.of("MCP_DATA_DIR", "/var/lib/trackdesk"));
        assertThat(settings.url()).isEqualTo("jdbc:h2:file:" + Path.of("/var/lib/trackdesk/metrics"));
        assertThat(settings.user()).isEqualTo("sa");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.mode()).isEqualTo(DatabaseSettings.Mode.AUTO);
    }

    @Test
    void withoutDataDirTheFileIsUnderTheWorkingDirectory() {
        assertThat(read(Map.of()).url())
                .isEqualTo("jdbc:h2:file:" + Path.of("./data").toAbsolutePath().normalize().resolve("metrics"));
    }

    @Test
    void postgresHasNoDefaultUser() {
        DatabaseSettings settings = read(Map.of("MCP_DB_URL", " jdbc:postgresql://db:5432/trackdesk ",
                "MCP_DB_PASSWORD", "secret", "MCP_HEALTH_DATABASE", "TRUE"));
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db:5432/trackdesk");
        assertThat(settings.user()).isEmpty();
        assertThat(settings.mode()).isEqualTo(DatabaseSettings.Mode.TRUE);
    }

    @Test
    void safeUrlAndToStringNeverShowCredentials() {
        DatabaseSettings settings = read(Map.of("MCP_DB_URL",
                "jdbc:postgresql://u:pw@db:5432/trackdesk?password=pw&ssl=true", "MCP_DB_PASSWORD", "secret"));
        assertThat(settings.safeUrl()).isEqualTo("jdbc:postgresql://db:5432/trackdesk");
        assertThat(settings.toString()).doesNotContain("secret").doesNotContain("pw");
        assertThat(read(Map.of("MCP_DB_URL", "jdbc:h2:tcp://127.0.0.1:9092/metrics;PASSWORD=x")).safeUrl())
                .isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/metrics");
    }

    @Test
    void anUnknownModeFallsBackToAuto() {
        assertThat(read(Map.of("MCP_HEALTH_DATABASE", "sometimes")).mode()).isEqualTo(DatabaseSettings.Mode.AUTO);
        assertThat(read(Map.of("MCP_HEALTH_DATABASE", "false")).mode()).isEqualTo(DatabaseSettings.Mode.FALSE);
    }
}
