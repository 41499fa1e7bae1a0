package com.trackdesk.mcp.console.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveConfigurationTest {

    @Test
    void urlsAreShownWithoutCredentialsOrQuery() {
        assertThat(LiveConfiguration.withoutSecrets("https://user:pw@api.example.com:8443/spec.yaml?token=abc"))
                .isEqualTo("https://api.example.com:8443/spec.yaml");
        assertThat(LiveConfiguration.withoutSecrets("https://{tenant}.trackdesk.com")).isEqualTo("https://{tenant}.trackdesk.com");
    }

    @Test
    void jdbcUrlsKeepTheirPathButHidePasswords() {
        assertThat(LiveConfiguration.withoutSecrets("jdbc:postgresql://db:5432/metrics?user=mcp&password=hunter2"))
                .isEqualTo("jdbc:postgresql://db:5432/metrics?user=mcp&password=***");
        assertThat(LiveConfiguration.withoutSecrets("jdbc:h2:file:/data/metrics")).isEqualTo("jdbc:h2:file:/data/metrics");
    }
}
