package com.trackdesk.mcp.health.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogReadinessTest {

    @Test
    void specSourcesLoseTokensBeforeTheyAreShown() {
        assertThat(CatalogReadiness.withoutSecrets("https://user:tok@specs.example.com/api.json?token=abc"))
                .isEqualTo("https://specs.example.com/api.json");
        assertThat(CatalogReadiness.withoutSecrets("classpath:trackdesk-openapi.json"))
                .isEqualTo("classpath:trackdesk-openapi.json");
        assertThat(CatalogReadiness.withoutSecrets("http://127.0.0.1:8089/spec@v2.json"))
                .isEqualTo("http://127.0.0.1:8089/spec@v2.json");
        assertThat(CatalogReadiness.withoutSecrets(null)).isEmpty();
    }
}
