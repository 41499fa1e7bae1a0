package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One circuit breaker per tenant, so a tenant whose API keeps failing stops costing threads and
 * time while other tenants go on normally. MicroProfile Fault Tolerance's {@code @CircuitBreaker}
 * keeps one state per method for all callers, which would let one failing tenant open the circuit
 * for everybody; hence this small per-key breaker beside the annotations.
 *
 * <p>Closed: calls pass and consecutive failures are counted. After {@code MCP_BREAKER_FAILURES}
 * failures in a row it opens for {@code MCP_BREAKER_OPEN_SECONDS}; then one trial call is let
 * through (half-open): success closes it, failure opens it again.
 */
@ApplicationScoped
public class TenantCircuitBreakers {

    /** A closed breaker with no failures counted is the same as none: those are dropped past the tenant cap. */
    private final PerTenantState<String, Breaker> breakers = new PerTenantState<>(Breaker::idle);

    @Inject
    @ConfigProperty(name = "MCP_BREAKER_FAILURES", defaultValue = "5")
    int failureThreshold;

    @Inject
    @ConfigProperty(name = "MCP_BREAKER_OPEN_SECONDS", defaultValue = "30")
    long openSeconds;

    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_BREAKER_FAILURES", failureThreshold, "failures");
        SettingRules.positive("MCP_BREAKER_OPEN_SECONDS", openSeconds, "seconds");
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    Clock clock = Clock.systemUTC();

    /** @return how long the circuit stays open when the call must not be made now */
    public Optional<Duration> refusal(Tenant tenant) {
        Breaker breaker = breakers.existing(tenant.name());
        return breaker == null ? Optional.empty() : breaker.refusal(clock.instant());
    }

    public void succeeded(Tenant tenant) {
        Breaker breaker = breakers.existing(tenant.name());
        if (breaker != null) {
            breaker.succeeded();
        }
    }

    /**
     * The call was refused before it reached the tenant's API (e.g. this instance was overloaded): neither a
     * success nor a failure of that API, but a trial call it was allowed as must be given back.
     */
    public void notAttempted(Tenant tenant) {
        Breaker breaker = breakers.existing(tenant.name());
        if (breaker != null) {
            breaker.notAttempted();
        }
    }

    public void failed(Tenant tenant) {
        breakers.get(tenant.name(), name -> new Breaker())
                .failed(clock.instant(), failureThreshold, Duration.ofSeconds(openSeconds));
    }

    private static final class Breaker {
        private int consecutiveFailures;
        private Instant openUntil = Instant.MIN;
        private boolean trialInFlight;

        synchronized Optional<Duration> refusal(Instant now) {
            if (now.isBefore(openUntil)) {
                return Optional.of(Duration.between(now, openUntil));
            }
            if (consecutiveFailures > 0 && openUntil != Instant.MIN) {
                if (trialInFlight) {
                    return Optional.of(Duration.ofSeconds(1));
                }
                trialInFlight = true;
            }
            return Optional.empty();
        }

        synchronized boolean idle() {
            return consecutiveFailures == 0 && !trialInFlight;
        }

        synchronized void notAttempted() {
            trialInFlight = false;
        }

        synchronized void succeeded() {
            consecutiveFailures = 0;
            openUntil = Instant.MIN;
            trialInFlight = false;
        }

        synchronized void failed(Instant now, int threshold, Duration openFor) {
            consecutiveFailures++;
            if (trialInFlight || consecutiveFailures >= threshold) {
                openUntil = now.plus(openFor);
            }
            trialInFlight = false;
        }
    }
}
