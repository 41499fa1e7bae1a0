package com.trackdesk.mcp.health.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCheckTest {

    @Test
    void specSourcesLoseTokensBeforeTheyAreShown() {
        assertThat(CatalogCheck.withoutSecrets("https://user:tok@specs.example.com/api.json?token=abc"))
                .isEqualTo("https://specs.example.com/api.json");
        assertThat(CatalogCheck.withoutSecrets("classpath:trackdesk-openapi.json"))
                .isEqualTo("classpath:trackdesk-openapi.json");
        assertThat(CatalogCheck.withoutSecrets("http://127.0.0.1:8089/spec@v2.json"))
                .isEqualTo("http://127.0.0.1:8089/spec@v2.json");
        assertThat(CatalogCheck.withoutSecrets(null)).isEmpty();
    }
}
