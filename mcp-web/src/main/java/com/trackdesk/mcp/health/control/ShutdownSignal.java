package com.trackdesk.mcp.health.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Knows when the JVM has begun to shut down (SIGTERM, Ctrl-C, {@code docker stop}). Payara keeps serving
 * for its shutdown grace period ({@code --shutdowngrace} milliseconds on Payara Micro, system property
 * {@code fish.payara.shutdowngrace} on Payara Server) before it stops; readiness reports DOWN during that
 * time so that load balancers which probe it send new calls elsewhere while the calls in flight finish.
 */
@ApplicationScoped
public class ShutdownSignal {

    private static final Logger LOG = Logger.getLogger(ShutdownSignal.class.getName());

    private volatile Instant since;
    private Thread hook;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        hook = new Thread(this::begin, "trackdesk-shutdown-signal");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            begin();
        }
    }

    void begin() {
        if (since == null) {
            since = Instant.now();
            LOG.info("Shutting down: readiness is DOWN; calls in flight finish within the shutdown grace period");
        }
    }

    public boolean shuttingDown() {
        return since != null;
    }

    public Instant since() {
        return since;
    }

    /** Undeployed without the JVM stopping (redeploy): the hook must not keep this application's classes. */
    @PreDestroy
    void withdraw() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook has run or is running: nothing to withdraw
            }
        }
    }
}
