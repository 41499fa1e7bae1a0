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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Bounds the upstream calls in flight: per tenant ({@code MCP_TENANT_CONCURRENCY}), so a runaway assistant cannot
 * take all threads from the other tenants, and per instance, all tenants together ({@code MCP_INSTANCE_CONCURRENCY}),
 * so a crowd of tenants cannot take every HTTP worker. A call past a bound waits in line for a free slot — first
 * come, first served — first its tenant's, then the instance's, for at most {@code MCP_TENANT_QUEUE_MS} in all and
 * only while a whole attempt still fits into the call's budget afterwards; a burst is thus absorbed instead of
 * refused. Only a call that gets no turn in that time is refused, as an overloaded call, with a "Busy … retry in
 * N s" message whose N comes from how long slots were held recently and how many calls are in line.
 *
 * <p>The instance's bound replaces MicroProfile's {@code @Bulkhead}: a synchronous bulkhead has no line, so it
 * refused call 129 at once (the 256-concurrency benchmark of 2026-12-07 lost 48,159 of 81,290 calls to the two).
 */
@ApplicationScoped
public class TenantConcurrencyLimit {

    private static final Logger LOG = Logger.getLogger(TenantConcurrencyLimit.class.getName());

    @Inject
    @ConfigProperty(name = "MCP_TENANT_CONCURRENCY", defaultValue = "16")
    int permitsPerTenant;

    @Inject
    @ConfigProperty(name = "MCP_INSTANCE_CONCURRENCY", defaultValue = "128")
    int permitsPerInstance;

    @Inject
    @ConfigProperty(name = "MCP_TENANT_QUEUE_MS", defaultValue = "10000")
    long queueMillis;

    /** The call's time limits: a wait in line never leaves less than a whole attempt. */
    @Inject
    CallBudgets budgets;

    private CallSlots instanceSlots;

    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_TENANT_CONCURRENCY", permitsPerTenant, "calls");
        SettingRules.positive("MCP_INSTANCE_CONCURRENCY", permitsPerInstance, "calls");
        SettingRules.notNegative("MCP_TENANT_QUEUE_MS", queueMillis, "milliseconds");
        instanceSlots = new CallSlots(permitsPerInstance);
        if (longestWaitForATurn().toMillis() < queueMillis) {
            // allowed (a server may want no line at all), but easily done by accident: raising MCP_UPSTREAM_TIMEOUT_MS
            LOG.warning(() -> "MCP_TENANT_QUEUE_MS is " + queueMillis + " ms, but a call may wait only "
                    + longestWaitForATurn().toMillis() + " ms for a free slot: after its wait, a whole attempt ("
                    + budgets.perAttempt().toMillis() + " ms, MCP_UPSTREAM_TIMEOUT_MS) must still fit into"
                    + " MCP_CALL_TIMEOUT_SECONDS. Calls past MCP_TENANT_CONCURRENCY are refused that much sooner.");
        }
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /** How long a call that starts now may wait in line: the queue setting, cut to what its budget leaves. */
    Duration longestWaitForATurn() {
        Duration room = budgets.roomBeforeTheFirstAttempt();
        return room.toMillis() < queueMillis ? room : Duration.ofMillis(queueMillis);
    }

    /** Only idle tenants' slots are dropped: slots with calls in flight or in line must stay the ones they release. */
    private final PerTenantState<String, CallSlots> tenantSlots = new PerTenantState<>(CallSlots::idle);

    /** Upstream calls this instance lets be in flight at once, all tenants together ({@code MCP_INSTANCE_CONCURRENCY}). */
    public int callsPerInstance() {
        return permitsPerInstance;
    }

    /** Runs the call once it has a slot of its tenant and one of the instance; both are freed when it ends. */
    public <T> T within(Tenant tenant, CallBudget budget, Supplier<T> call) {
        long lineJoined = System.nanoTime();
        long wait = Math.min(queueMillis, budget.longestWaitBeforeAnAttempt().toMillis());
        long turnDeadline = lineJoined + TimeUnit.MILLISECONDS.toNanos(wait);
        CallSlots ofTenant = slotsOf(tenant);
        if (!ofTenant.take(turnDeadline)) {
            throw busy(ofTenant, lineJoined, ofTenant.size() + " calls of the Trackdesk program '" + tenant.name()
                    + "' are in flight on this MCP server (its limit per program)");
        }
        long tenantSlotTaken = System.nanoTime();
        if (!instanceSlots.take(turnDeadline)) {
            ofTenant.giveBackUnused();
            throw busy(instanceSlots, lineJoined, instanceSlots.size() + " upstream calls are in flight on this MCP"
                    + " server, all Trackdesk programs together (its limit)");
        }
        long instanceSlotTaken = System.nanoTime();
        budget.waitedInLine(Duration.ofNanos(instanceSlotTaken - lineJoined));
        try {
            return call.get();
        } finally {
            long ended = System.nanoTime();
            instanceSlots.giveBack(ended - instanceSlotTaken);
            ofTenant.giveBack(ended - tenantSlotTaken);
        }
    }

    /** Calls of the tenant in line for one of its slots now: what a test watches to know the line has formed. */
    int waiting(Tenant tenant) {
        CallSlots slots = tenantSlots.existing(tenant.name());
        return slots == null ? 0 : slots.waiting();
    }

    /** Calls in line for one of the instance's slots now. */
    int waitingForTheInstance() {
        return instanceSlots.waiting();
    }

    private UpstreamFailure busy(CallSlots full, long lineJoined, String whatIsFull) {
        Duration waited = Duration.ofNanos(System.nanoTime() - lineJoined);
        int ahead = full.waiting();
        // while no call has finished, a slot frees up at the latest when the attempts holding them end
        Duration turn = full.turnAfter(ahead, budgets.perAttempt());
        long retryIn = Math.max(1, (turn.toMillis() + 999) / 1000);
        return new UpstreamFailure(UpstreamFailure.Kind.OVERLOADED, "Busy: " + whatIsFull
                + (ahead > 0 ? " and " + ahead + " more are waiting in line" : "") + "; this call waited "
                + CallBudget.inWords(waited) + " for its turn. Slow down and retry in " + retryIn + " s.");
    }

    /** A field, not a lambda at the call: reading the injected bound, a lambda there would be a new object per call. */
    private final Function<String, CallSlots> newSlots = name -> new CallSlots(permitsPerTenant);

    private CallSlots slotsOf(Tenant tenant) {
        return tenantSlots.get(tenant.name(), newSlots);
    }
}
