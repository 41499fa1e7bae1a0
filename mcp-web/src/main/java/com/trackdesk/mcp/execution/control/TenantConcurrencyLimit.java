package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bounds the upstream calls one tenant may have in flight at once ({@code MCP_TENANT_CONCURRENCY}),
 * so a runaway assistant cannot take all threads from the other tenants. A call past the bound waits
 * for a free slot, first come first served, for at most {@code MCP_TENANT_QUEUE_MS} (and never past the
 * call's budget); a burst is thus absorbed instead of refused. Only when no slot frees up in that time is
 * the call refused, with a "busy, retry in N s" message, as an overloaded call.
 */
@ApplicationScoped
public class TenantConcurrencyLimit {

    @Inject
    @ConfigProperty(name = "MCP_TENANT_CONCURRENCY", defaultValue = "16")
    int permitsPerTenant;

    @Inject
    @ConfigProperty(name = "MCP_TENANT_QUEUE_MS", defaultValue = "10000")
    long queueMillis;

    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_TENANT_CONCURRENCY", permitsPerTenant, "calls");
        SettingRules.notNegative("MCP_TENANT_QUEUE_MS", queueMillis, "milliseconds");
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /** Only idle tenants' slots are dropped: a semaphore with calls in flight must stay the one they release. */
    private final PerTenantState<String, Semaphore> permits =
            new PerTenantState<>(slots -> slots.availablePermits() == permitsPerTenant && !slots.hasQueuedThreads());

    public <T> T within(Tenant tenant, CallBudget budget, Supplier<T> call) {
        Semaphore semaphore = slotsOf(tenant);
        Duration wait = Duration.ofMillis(Math.min(queueMillis, budget.longestWaitBeforeAnAttempt().toMillis()));
        if (!acquire(semaphore, wait)) {
            long retryIn = Math.max(1, Math.round(wait.toMillis() / 1000.0));
            throw new UpstreamFailure(UpstreamFailure.Kind.OVERLOADED, "Busy: this Trackdesk program already has "
                    + permitsPerTenant + " calls in flight on this MCP server and none finished within "
                    + retryIn + " s. Slow down and retry in " + retryIn + " s.");
        }
        try {
            return call.get();
        } finally {
            semaphore.release();
        }
    }

    /**
     * Fair: callers that waited longest get the next free slot. A field, not a lambda at the call: reading the
     * injected bound, a lambda there would be a new object on every call (issue 17).
     */
    private final Function<String, Semaphore> newSlots = name -> new Semaphore(permitsPerTenant, true);

    private Semaphore slotsOf(Tenant tenant) {
        return permits.get(tenant.name(), newSlots);
    }

    private static boolean acquire(Semaphore semaphore, Duration wait) {
        try {
            return semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
