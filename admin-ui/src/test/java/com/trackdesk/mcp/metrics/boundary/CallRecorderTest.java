package com.trackdesk.mcp.metrics.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallRecorderTest {

    @Test
    void catalogSourcesAreStoredWithoutCredentialsOrQuery() {
        assertThat(CallRecorder.withoutSecrets("https://u:p@specs.example.com/trackdesk.yaml?access_token=xyz"))
                .isEqualTo("https://specs.example.com/trackdesk.yaml");
        assertThat(CallRecorder.withoutSecrets("classpath:trackdesk-openapi.json")).isEqualTo("classpath:trackdesk-openapi.json");
        assertThat(CallRecorder.withoutSecrets("/etc/mcp/spec.yaml")).isEqualTo("/etc/mcp/spec.yaml");
    }
}
