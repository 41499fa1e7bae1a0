package com.trackdesk.mcp.authorization.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T12:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(10), clock);

    @Test
    void afterTheAllowedFailuresTheAddressWaitsUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor("acme", "1.2.3.4")).isZero();
            throttle.failed("acme", "1.2.3.4");
            now.set(now.get().plusSeconds(60));
        }
        assertThat(throttle.waitFor("acme", "1.2.3.4")).isEqualTo(Duration.ofMinutes(7));
        assertThat(throttle.waitFor("acme", "5.6.7.8")).as("other addresses are not affected").isZero();
        assertThat(throttle.waitFor("globex", "1.2.3.4")).as("other tenants are not affected").isZero();
        now.set(now.get().plus(Duration.ofMinutes(7)));
        assertThat(throttle.waitFor("acme", "1.2.3.4")).isZero();
    }
}
