package com.trackdesk.mcp.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Alive while the application answers and the heap still has room after garbage collection. Checks
 * nothing outside this JVM on purpose: a liveness probe that fails because the upstream or the metrics
 * database is down would get healthy instances restarted for nothing.
 */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    static final String NAME = "mcp-server";
    /** Share of a heap pool still occupied right after a collection that means the JVM is thrashing. */
    static final double MAX_USED_AFTER_GC = 0.98;

    @Override
    public HealthCheckResponse call() {
        double worst = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || !pool.isCollectionUsageThresholdSupported()) {
                continue;
            }
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null && afterGc.getMax() > 0) {
                worst = Math.max(worst, (double) afterGc.getUsed() / afterGc.getMax());
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return HealthCheckResponse.named(NAME)
                .status(worst < MAX_USED_AFTER_GC)
                .withData("heapUsedMiB", heap.getUsed() >> 20)
                .withData("heapMaxMiB", heap.getMax() >> 20)
                .withData("fullestPoolAfterGcPercent", Math.round(worst * 100))
                .build();
    }
}
