package com.trackdesk.mcp.hardening;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which seed the fuzzing runs from: fixed in CI so failures replay, random on a laptop unless asked. */
class ReplayableSeedTest {

    @Test
    void inCiTheSeedIsFixed() {
        assertThat(ReplayableSeed.seedFor(Map.of("CI", "true"), null)).contains(ReplayableSeed.CI_SEED);
        assertThat(ReplayableSeed.seedFor(Map.of("CI", "TRUE"), null)).contains(ReplayableSeed.CI_SEED);
    }

    @Test
    void elsewhereJqwikDrawsARandomSeed() {
        assertThat(ReplayableSeed.seedFor(Map.of(), null)).isEmpty();
        assertThat(ReplayableSeed.seedFor(Map.of("CI", "false"), null)).isEmpty();
    }

    @Test
    void anExplicitSeedReplaysAFailureAnywhereAndWinsOverCi() {
        assertThat(ReplayableSeed.seedFor(Map.of("FUZZ_SEED", "-4711"), null)).contains("-4711");
        assertThat(ReplayableSeed.seedFor(Map.of("CI", "true", "FUZZ_SEED", "42"), null)).contains("42");
        assertThat(ReplayableSeed.seedFor(Map.of("CI", "true", "FUZZ_SEED", "42"), "99")).as("-DFUZZ_SEED first")
                .contains("99");
    }

    @Test
    void aBlankSeedIsNoSeed() {
        assertThat(ReplayableSeed.seedFor(Map.of("FUZZ_SEED", "  "), null)).isEmpty();
        assertThat(ReplayableSeed.seedFor(Map.of("CI", "true", "FUZZ_SEED", ""), "")).contains(ReplayableSeed.CI_SEED);
    }
}
