package com.trackdesk.mcp.configuration.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingTypesTest {

    @Test
    void aWordWhereANumberBelongsIsAProblemNamingTheVariable() {
        assertThat(SettingTypes.problem("MCP_CALL_TIMEOUT_SECONDS", long.class, "soon"))
                .contains("MCP_CALL_TIMEOUT_SECONDS must be a whole number, was 'soon'");
        assertThat(SettingTypes.problem("MCP_UPSTREAM_TIMEOUT_MS", long.class, "1.5"))
                .contains("MCP_UPSTREAM_TIMEOUT_MS must be a whole number, was '1.5'");
    }

    @Test
    void aNumberTooLargeForAnIntIsAProblem() {
        assertThat(SettingTypes.problem("MCP_MAX_RESPONSE_CHARS", int.class, "3000000000"))
                .contains("MCP_MAX_RESPONSE_CHARS must be a whole number up to 2147483647, was '3000000000'");
    }

    @Test
    void numbersOfTheRightKindPassWhateverTheirSign() {
        // the bounds are the owning bean's to check
        assertThat(SettingTypes.problem("MCP_TENANT_QUEUE_MS", long.class, "-1")).isEmpty();
        assertThat(SettingTypes.problem("MCP_TENANT_CONCURRENCY", Integer.class, " 16 ")).isEmpty();
    }

    @Test
    void aSwitchTakesTheWordsMicroProfileConfigReads() {
        assertThat(SettingTypes.problem("MCP_READ_ONLY", boolean.class, "ON")).isEmpty();
        assertThat(SettingTypes.problem("MCP_READ_ONLY", Boolean.class, "0")).isEmpty();
        assertThat(SettingTypes.problem("MCP_READ_ONLY", boolean.class, "ture"))
                .contains("MCP_READ_ONLY must be true or false, was 'ture'");
    }

    @Test
    void textSettingsAreNotCheckedHere() {
        assertThat(SettingTypes.problem("MCP_TENANT_DOMAIN", String.class, "anything at all")).isEmpty();
    }
}
