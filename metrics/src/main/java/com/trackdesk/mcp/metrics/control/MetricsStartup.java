package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * At deployment (of either WAR): migrate the metrics schema, so it is ready before the first call or the
 * first console page, and schedule the hourly retention purge. A database that is down delays neither
 * deployment: both are tried again later. (Where the WAR's connection pool is not handed over yet, see
 * {@link WarConnectionPool}, the schema is migrated on the first use after it is.)
 */
@ApplicationScoped
public class MetricsStartup {

    @Inject
    MetricsDatabase database;

    @Inject
    MetricsOptions options;

    @Inject
    MetricsScheduler scheduler;

    private ScheduledFuture<?> purging;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        database.open();
        RetentionPurge purge = new RetentionPurge(database, options.retentionDays(), Clock.systemUTC());
        purging = scheduler.every(Duration.ofHours(1), Duration.ofMinutes(1), purge::purgeQuietly);
    }

    @PreDestroy
    void stop() {
        if (purging != null) {
            purging.cancel(false);
        }
    }
}
