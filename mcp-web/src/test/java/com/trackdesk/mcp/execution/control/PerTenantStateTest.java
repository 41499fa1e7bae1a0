package com.trackdesk.mcp.execution.control;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PerTenantStateTest {

    @Test
    void keepsOneEntryPerTenantAndMakesItOnlyOnce() {
        var made = new AtomicInteger();
        var state = new PerTenantState<String, Integer>(value -> true);

        Integer first = state.get("acme", key -> made.incrementAndGet());
        Integer again = state.get("acme", key -> made.incrementAndGet());

        assertThat(again).isSameAs(first);
        assertThat(made).hasValue(1);
        assertThat(state.existing("acme")).isSameAs(first);
        assertThat(state.existing("nobody")).as("looking never creates").isNull();
    }

    @Test
    void pastTheCapIdleEntriesAreDroppedAndBusyOnesKept() {
        var state = new PerTenantState<String, String>(value -> value.startsWith("idle"));
        state.get("busy", key -> "busy");

        for (int i = 0; i < 5 * PerTenantState.MAX_TENANTS; i++) {
            state.get("tenant-" + i, key -> "idle " + key);
        }

        assertThat(state.size()).isLessThanOrEqualTo(PerTenantState.MAX_TENANTS + 1);
        assertThat(state.existing("busy")).isEqualTo("busy");
    }
}
