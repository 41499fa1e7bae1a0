package com.trackdesk.mcp.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Slows password guessing down, per client address: after {@code MCP_ADMIN_LOGIN_ATTEMPTS} wrong passwords in a
 * row, that address may not try again for {@code MCP_ADMIN_LOGIN_LOCK_SECONDS}, doubled with every further wrong
 * password (at most an hour). A right password clears the count. Applies to the login form and to HTTP Basic
 * alike. Behind a proxy all clients share the proxy's address: a lock then holds for all of them, which errs
 * on the safe side (X-Forwarded-For can be forged, so it is not trusted here).
 */
@ApplicationScoped
public class LoginThrottle {

    static final String ATTEMPTS_KEY = "MCP_ADMIN_LOGIN_ATTEMPTS";
    static final String LOCK_KEY = "MCP_ADMIN_LOGIN_LOCK_SECONDS";
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    /** Enough for any real number of admins; a flood of addresses cannot grow the map without bound. */
    static final int MAX_TRACKED_CLIENTS = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private int allowedAttempts;
    private Duration firstLock;
    private Clock clock;

    protected LoginThrottle() {
        // for the CDI proxy
    }

    /**
     * Zero or fewer attempts, or no lock, would switch the throttle off: refused, naming the setting. Read as text
     * and parsed here: Payara's typed injection would put the default in place of a word without a word of warning.
     */
    @Inject
    public LoginThrottle(@ConfigProperty(name = ATTEMPTS_KEY, defaultValue = "5") String allowedAttempts,
                         @ConfigProperty(name = LOCK_KEY, defaultValue = "60") String lockSeconds) {
        this(positive(ATTEMPTS_KEY, allowedAttempts, "wrong passwords"),
                Duration.ofSeconds(positive(LOCK_KEY, lockSeconds, "seconds")), Clock.systemUTC());
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first login. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /**
     * The same words as mcp-web's settings: {@code NAME must be a positive number of UNIT, was VALUE}; logged here
     * too, as the server reports a failed deployment by the container's wrapper exception, without our words.
     */
    static int positive(String name, String value, String unit) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            number = 0;
        }
        if (number <= 0) {
            String problem = name + " must be a positive number of " + unit + ", was " + value;
            LOG.severe(() -> "Invalid configuration, the application does not start: " + problem);
            throw new IllegalArgumentException(problem);
        }
        return number;
    }

    LoginThrottle(int allowedAttempts, Duration firstLock, Clock clock) {
        this.allowedAttempts = Math.max(1, allowedAttempts);
        this.firstLock = firstLock.isNegative() || firstLock.isZero() ? Duration.ofSeconds(1) : firstLock;
        this.clock = clock;
    }

    /** How long this client must still wait before it may try a password; empty when it may now. */
    public Optional<Duration> lockedFor(String client) {
        Failures recorded = failures.get(client);
        if (recorded == null || recorded.lockedUntil == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), recorded.lockedUntil);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String client) {
        if (failures.size() >= MAX_TRACKED_CLIENTS && !failures.containsKey(client)) {
            failures.values().removeIf(f -> f.lockedUntil == null || f.lockedUntil.isBefore(clock.instant()));
        }
        failures.compute(client, (key, recorded) -> {
            Failures next = recorded == null ? new Failures() : recorded;
            next.count++;
            if (next.count >= allowedAttempts) {
                long doublings = Math.min(next.count - allowedAttempts, 12);
                Duration lock = firstLock.multipliedBy(1L << doublings);
                next.lockedUntil = clock.instant().plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return next;
        });
    }

    public void succeeded(String client) {
        failures.remove(client);
    }

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }
}
