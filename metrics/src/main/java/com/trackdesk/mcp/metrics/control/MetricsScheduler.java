package com.trackdesk.mcp.metrics.control;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the metrics' background work on the container's managed scheduler. Looked up by its standard
 * name rather than injected with {@code @Resource}: inside mcp-web these classes sit in a library jar,
 * where Payara fails the deployment over an {@code @Resource} field of a CDI bean.
 */
@ApplicationScoped
public class MetricsScheduler {

    static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    public ScheduledFuture<?> every(Duration period, Duration firstAfter, Runnable work) {
        return scheduler().scheduleWithFixedDelay(work, firstAfter.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static ManagedScheduledExecutorService scheduler() {
        try {
            return InitialContext.doLookup(DEFAULT_SCHEDULER);
        } catch (NamingException e) {
            throw new IllegalStateException("no managed scheduler at " + DEFAULT_SCHEDULER, e);
        }
    }
}
