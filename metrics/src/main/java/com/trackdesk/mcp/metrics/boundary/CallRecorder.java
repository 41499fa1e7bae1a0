package com.trackdesk.mcp.metrics.boundary;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.control.MetricsScheduler;
import com.trackdesk.mcp.metrics.control.MetricsWriter;
import com.trackdesk.mcp.metrics.control.RecorderStatus;
import com.trackdesk.mcp.metrics.control.RecordingPipeline;
import com.trackdesk.mcp.metrics.control.RevivedSchedule;
import com.trackdesk.mcp.metrics.control.SignInWriter;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.CatalogLoad;
import com.trackdesk.mcp.metrics.entity.RedactedLocation;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Records one metric row per tool call. Never blocks the call path and never throws: calls are queued
 * and written in batches every second by a managed scheduler thread; while the database is unavailable
 * they stay queued and are written when it is back. Only calls that find the bounded queue full are
 * dropped, and counted as lost.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    @Inject
    MetricsDatabase database;

    @Inject
    MetricsOptions options;

    @Inject
    MetricsScheduler scheduler;

    private RecordingPipeline pipeline;
    private RecorderStatus status;
    private RevivedSchedule draining;
    private SignInWriter signIns;

    @PostConstruct
    void start() {
        Clock clock = Clock.systemUTC();
        pipeline = new RecordingPipeline(options.queueCapacity(), database,
                new MetricsWriter(database, options, clock), clock);
        status = new RecorderStatus(pipeline::snapshot);
        status.publish();
        signIns = new SignInWriter(database, clock);
        draining = new RevivedSchedule("metrics writing", scheduler, FLUSH_EVERY, () -> {
            pipeline.drain();
            signIns.drain();
        });
        draining.start();
    }

    public void record(CallMetric metric) {
        try {
            draining.keepAlive();
            pipeline.offer(metric);
        } catch (RuntimeException e) {
            // offer() does not throw; this guards the promise made to the call path
        }
    }

    /**
     * The MCP endpoint loaded its catalog: shown on the console's configuration page. Query strings and
     * credentials are cut from URL sources, which may carry tokens.
     */
    public void recordCatalogLoad(String specSource, int operationCount) {
        try {
            draining.keepAlive();
            pipeline.catalogLoaded(new CatalogLoad(LocalDateTime.now(ZoneOffset.UTC), RedactedLocation.of(specSource),
                    operationCount));
        } catch (RuntimeException e) {
            // as record(): never disturbs the caller
        }
    }

    /** A sign-in form of the OAuth page was submitted; only whether the token was accepted is kept. */
    public void recordSignIn(boolean succeeded) {
        try {
            draining.keepAlive();
            signIns.offer(succeeded);
        } catch (RuntimeException e) {
            // as record(): never disturbs the caller
        }
    }

    @PreDestroy
    void stop() {
        draining.stop();
        pipeline.drainBeforeShutdown();
        signIns.drain();
        status.withdraw();
    }
}
