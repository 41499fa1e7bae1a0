package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the upstream calls one tenant may have in flight at once ({@code MCP_TENANT_CONCURRENCY}),
 * so a runaway assistant cannot take all threads from the other tenants. Past the bound the call is
 * refused at once with a "slow down" message instead of queueing.
 */
@ApplicationScoped
public class TenantConcurrencyLimit {

    @Inject
    @ConfigProperty(name = "MCP_TENANT_CONCURRENCY", defaultValue = "16")
    int permitsPerTenant;

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    public <T> T within(Tenant tenant, Supplier<T> call) {
        Semaphore semaphore = permits.computeIfAbsent(tenant.name(), name -> new Semaphore(permitsPerTenant));
        if (!semaphore.tryAcquire()) {
            throw new ExecutionRefused(Outcome.OVERLOADED, "Too many calls at once for this Trackdesk program (more than "
                    + permitsPerTenant + " in flight): slow down and retry when the earlier calls have finished.");
        }
        try {
            return call.get();
        } finally {
            semaphore.release();
        }
    }
}
