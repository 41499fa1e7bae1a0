package com.trackdesk.mcp.health.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseReadinessTest {

    final DatabaseReadiness readiness = new DatabaseReadiness();

    @ParameterizedTest
    @ValueSource(strings = {"true", "auto", "false", " FALSE "})
    void theSwitchTakesTrueAutoOrFalse(String value) {
        readiness.checked = value;

        assertThatCode(readiness::checkSettings).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "flase", "0"})
    void anyOtherWordIsRefusedAtDeploymentNamingTheSetting(String value) {
        readiness.checked = value;

        assertThatThrownBy(readiness::checkSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_HEALTH_DATABASE must be true, auto or false, was '" + value + "'");
    }
}
