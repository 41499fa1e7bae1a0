package com.trackdesk.mcp.catalog.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshIntervalTest {

    @Test
    void acceptsIsoDurations() {
        assertThat(RefreshInterval.parse("PT15M")).hasValue(Duration.ofMinutes(15));
    }

    @Test
    void acceptsPlainSeconds() {
        assertThat(RefreshInterval.parse(" 900 ")).hasValue(Duration.ofSeconds(900));
    }

    @Test
    void emptyOrZeroMeansNeverRefresh() {
        assertThat(RefreshInterval.parse(null)).isEmpty();
        assertThat(RefreshInterval.parse(" ")).isEmpty();
        assertThat(RefreshInterval.parse("0")).isEmpty();
        assertThat(RefreshInterval.parse("PT0S")).isEmpty();
    }

    @Test
    void rejectsWhatIsNeitherWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> RefreshInterval.parse("every hour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCP_SPEC_REFRESH 'every hour'");
        assertThatThrownBy(() -> RefreshInterval.parse("-PT1M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
