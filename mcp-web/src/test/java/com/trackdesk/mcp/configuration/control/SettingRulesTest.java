package com.trackdesk.mcp.configuration.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingRulesTest {

    @Test
    void aPositiveValuePassesUnchanged() {
        assertThat(SettingRules.positive("MCP_UPSTREAM_TIMEOUT_MS", 1, "milliseconds")).isEqualTo(1);
        assertThat(SettingRules.notNegative("MCP_TENANT_QUEUE_MS", 0, "milliseconds")).isZero();
    }

    @Test
    void zeroIsNoPositiveValueAndTheMessageNamesTheVariable() {
        assertThatThrownBy(() -> SettingRules.positive("MCP_UPSTREAM_TIMEOUT_MS", 0, "milliseconds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_UPSTREAM_TIMEOUT_MS must be a positive number of milliseconds, was 0");
    }

    @Test
    void aNegativeValueIsRefusedWhereZeroIsAllowed() {
        assertThatThrownBy(() -> SettingRules.notNegative("MCP_TENANT_QUEUE_MS", -1, "milliseconds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_TENANT_QUEUE_MS must be zero or a positive number of milliseconds, was -1");
    }

    @Test
    void aRefusalCarriesTheProblemAsItsMessage() {
        assertThat(SettingRules.refused("MCP_HEALTH_DATABASE must be true, auto or false, was 'no'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_HEALTH_DATABASE must be true, auto or false, was 'no'");
    }
}
