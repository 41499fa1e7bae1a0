package com.trackdesk.mcp.catalog.boundary;

import com.trackdesk.mcp.MapConfig;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecRefreshTest {

    private final List<Object[]> intervalTimers = new ArrayList<>();

    @Test
    void aUrlSpecWithARefreshIntervalIsRefetchedOnThatSchedule() {
        refreshWith(new MapConfig().with("MCP_SPEC", "https://example.test/openapi.json").with("MCP_SPEC_REFRESH", "PT15M"));

        assertThat(intervalTimers).singleElement().satisfies(arguments -> {
            assertThat(arguments[0]).isEqualTo(900_000L);
            assertThat(arguments[1]).isEqualTo(900_000L);
            assertThat(((TimerConfig) arguments[2]).isPersistent()).isFalse();
        });
    }

    @Test
    void aLocalSpecIsNeverRefetched() {
        refreshWith(new MapConfig().with("MCP_SPEC", "/etc/trackdesk/openapi.json").with("MCP_SPEC_REFRESH", "60"));

        assertThat(intervalTimers).isEmpty();
    }

    @Test
    void withoutAnIntervalAUrlSpecIsLoadedOnce() {
        refreshWith(new MapConfig().with("MCP_SPEC", "https://example.test/openapi.json"));

        assertThat(intervalTimers).isEmpty();
    }

    private void refreshWith(MapConfig config) {
        var refresh = new SpecRefresh();
        refresh.spec = config.getOptionalValue(Catalog.SPEC_KEY, String.class);
        refresh.refresh = config.getOptionalValue(Catalog.REFRESH_KEY, String.class);
        refresh.timers = (TimerService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TimerService.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("createIntervalTimer")) {
                        intervalTimers.add(arguments);
                    }
                    return null;
                });
        refresh.schedule();
    }
}
