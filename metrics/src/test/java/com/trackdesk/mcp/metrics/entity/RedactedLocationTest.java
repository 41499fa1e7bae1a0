package com.trackdesk.mcp.metrics.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedLocationTest {

    @Test
    void urlsLoseUserInfoQueryAndFragment() {
        assertThat(RedactedLocation.of("https://user:pw@api.example.com:8443/spec.yaml?token=abc#top"))
                .isEqualTo("https://api.example.com:8443/spec.yaml");
        assertThat(RedactedLocation.of("https://u:p@specs.example.com?access_token=xyz"))
                .isEqualTo("https://specs.example.com");
    }

    @Test
    void anAtSignInThePathIsNotUserInfo() {
        assertThat(RedactedLocation.of("http://127.0.0.1:8089/spec@v2.json")).isEqualTo("http://127.0.0.1:8089/spec@v2.json");
    }

    @Test
    void templatesAndPlainLocationsStayAsTheyAre() {
        assertThat(RedactedLocation.of("https://{tenant}.trackdesk.com")).isEqualTo("https://{tenant}.trackdesk.com");
        assertThat(RedactedLocation.of("classpath:trackdesk-openapi.json")).isEqualTo("classpath:trackdesk-openapi.json");
        assertThat(RedactedLocation.of(" /etc/mcp/spec.yaml ")).isEqualTo("/etc/mcp/spec.yaml");
        assertThat(RedactedLocation.of(null)).isEmpty();
    }

    @Test
    void jdbcUrlsKeepHostAndDatabaseButNoCredentials() {
        assertThat(RedactedLocation.of("jdbc:postgresql://mcp:hunter2@db:5432/metrics?user=mcp&password=hunter2"))
                .isEqualTo("jdbc:postgresql://db:5432/metrics");
        assertThat(RedactedLocation.of("jdbc:h2:tcp://127.0.0.1:9092/metrics;PASSWORD=hunter2"))
                .isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/metrics");
        assertThat(RedactedLocation.of("jdbc:h2:file:/data/metrics;CIPHER=AES;FILE_PASSWORD=hunter2"))
                .isEqualTo("jdbc:h2:file:/data/metrics;CIPHER=AES;FILE_PASSWORD=***");
        assertThat(RedactedLocation.of("jdbc:h2:file:/data/metrics")).isEqualTo("jdbc:h2:file:/data/metrics");
    }
}
