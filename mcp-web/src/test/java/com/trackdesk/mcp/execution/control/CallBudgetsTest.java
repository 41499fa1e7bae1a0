package com.trackdesk.mcp.execution.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallBudgetsTest {

    @Test
    void oneAttemptMayTakeTheUpstreamTimeoutWhenItFitsIntoTheCall() {
        CallBudgets budgets = new CallBudgets(25, 1_500);

        assertThat(budgets.perAttempt()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(budgets.startingNow().remaining()).isLessThanOrEqualTo(Duration.ofSeconds(25))
                .isGreaterThan(Duration.ofSeconds(24));
    }

    @Test
    void oneAttemptNeverOutlastsTheWholeCall() {
        assertThat(new CallBudgets(4, 30_000).perAttempt()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aCallTimeoutOfNoTimeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new CallBudgets(0, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_CALL_TIMEOUT_SECONDS must be a positive number of seconds, was 0");
    }

    @Test
    void aNegativeUpstreamTimeoutIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new CallBudgets(25, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_UPSTREAM_TIMEOUT_MS must be a positive number of milliseconds, was -5");
    }

    @Test
    void aWordForATimeoutIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new CallBudgets("soon", "30000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_CALL_TIMEOUT_SECONDS must be a positive number of seconds, was 'soon'");
    }
}
