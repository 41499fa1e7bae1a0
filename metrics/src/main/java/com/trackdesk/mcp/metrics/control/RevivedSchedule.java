package com.trackdesk.mcp.metrics.control;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * Work run every period on the container's managed scheduler, scheduled again when the scheduler has
 * dropped it. A periodic task ends for good the first time one of its runs fails, and Payara fails the
 * runs of work scheduled from a thread that carries another module's context: a recorder first used by a
 * health probe (served by Payara's default web module) never wrote a row ("AbortedException: Module
 * __default-web-module is disabled", seen in ClusterIT). Users call {@link #keepAlive()} from the
 * application's own threads, whose context a new schedule captures.
 */
public class RevivedSchedule {

    private static final Logger LOG = Logger.getLogger(RevivedSchedule.class.getName());

    private final String name;
    private final MetricsScheduler scheduler;
    private final Duration period;
    private final Runnable work;
    private volatile ScheduledFuture<?> current;

    public RevivedSchedule(String name, MetricsScheduler scheduler, Duration period, Runnable work) {
        this.name = name;
        this.scheduler = scheduler;
        this.period = period;
        this.work = work;
    }

    public synchronized void start() {
        current = scheduler.every(period, period, work);
    }

    /** Schedules the work again if the scheduler dropped it; a volatile read when it did not. */
    public void keepAlive() {
        ScheduledFuture<?> running = current;
        if (running == null || !running.isDone()) {
            return;
        }
        synchronized (this) {
            if (current == running) {
                // expected once after startup when the first caller was a health probe (see above): not a warning
                LOG.info(name + " had stopped (" + whyEnded(running) + "); scheduled again");
                current = scheduler.every(period, period, work);
            }
        }
    }

    public synchronized void stop() {
        if (current != null) {
            current.cancel(false);
            current = null;
        }
    }

    private static String whyEnded(ScheduledFuture<?> ended) {
        try {
            ended.get();
            return "it ended";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (CancellationException e) {
            return "it was cancelled";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
