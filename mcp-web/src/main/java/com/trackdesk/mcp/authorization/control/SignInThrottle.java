package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing personal access tokens on the sign-in page: after {@code MCP_OAUTH_SIGNIN_FAILURES} failed
 * sign-ins from one address for one tenant within {@code MCP_OAUTH_SIGNIN_WINDOW_SECONDS}, further attempts are
 * refused until the oldest failure leaves the window. Kept per instance (behind a round-robin proxy an attacker
 * gets at most that many per instance); nothing about the token is kept, only the time of each failure.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Bounds memory when many addresses fail; forgetting them only lets them try again. */
    static final int MAX_TRACKED = 10_000;

    private int maxFailures;
    private Duration window;
    private Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle() {
        // for CDI
    }

    @Inject
    public SignInThrottle(@ConfigProperty(name = "MCP_OAUTH_SIGNIN_FAILURES", defaultValue = "5") int maxFailures,
                          @ConfigProperty(name = "MCP_OAUTH_SIGNIN_WINDOW_SECONDS", defaultValue = "600") long windowSeconds) {
        this.maxFailures = (int) SettingRules.positive("MCP_OAUTH_SIGNIN_FAILURES", maxFailures, "failures");
        this.window = Duration.ofSeconds(SettingRules.positive("MCP_OAUTH_SIGNIN_WINDOW_SECONDS", windowSeconds, "seconds"));
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    SignInThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long this address must wait before trying again, or zero when it may try now. */
    public Duration waitFor(String tenant, String address) {
        Deque<Instant> times = failures.get(key(tenant, address));
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant now = clock.instant();
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.pollFirst();
            }
            if (times.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    public void failed(String tenant, String address) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(key(tenant, address), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > maxFailures) {
                times.pollFirst();
            }
        }
    }

    private static String key(String tenant, String address) {
        return tenant + " " + address;
    }
}
