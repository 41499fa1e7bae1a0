package com.trackdesk.mcp.security.control;

import com.trackdesk.mcp.testsupport.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Password guessing is slowed down per client address; the right password and other clients are not held up. */
class LoginThrottleTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);

    @Test
    void aClientMayTryAFewTimesBeforeItIsLockedOut() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.lockedFor("10.0.0.1")).isEmpty();

        throttle.failed("10.0.0.1");

        assertThat(throttle.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(60));
        assertThat(throttle.lockedFor("10.0.0.2")).as("other clients are not locked").isEmpty();
    }

    @Test
    void theLockEndsAfterItsTimeAndEveryFurtherWrongPasswordDoublesIt() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.lockedFor("10.0.0.1")).isEmpty();

        throttle.failed("10.0.0.1");

        assertThat(throttle.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(120));
    }

    @Test
    void theLockNeverExceedsAnHour() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.1");
        }

        assertThat(throttle.lockedFor("10.0.0.1")).contains(Duration.ofHours(1));
    }

    @Test
    void theRightPasswordClearsTheCount() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        throttle.succeeded("10.0.0.1");
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");

        assertThat(throttle.lockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void noAllowedAttemptsIsRefusedAtDeploymentNamingTheSetting() {
        assertThatThrownBy(() -> new LoginThrottle("0", "60"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_ADMIN_LOGIN_ATTEMPTS must be a positive number of wrong passwords, was 0");
    }

    @Test
    void aNegativeLockIsRefusedAtDeploymentNamingTheSetting() {
        assertThatThrownBy(() -> new LoginThrottle("5", "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_ADMIN_LOGIN_LOCK_SECONDS must be a positive number of seconds, was -1");
    }

    @Test
    void aWordWhereTheNumberBelongsIsRefusedAtDeploymentNamingTheSetting() {
        assertThatThrownBy(() -> new LoginThrottle("five", "60"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_ADMIN_LOGIN_ATTEMPTS must be a positive number of wrong passwords, was five");
    }
}
