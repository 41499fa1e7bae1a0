package com.trackdesk.mcp.metrics.boundary;

import com.trackdesk.mcp.metrics.control.DatabaseReachabilityProbe;
import com.trackdesk.mcp.metrics.entity.DatabaseReachability;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.RedactedLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;

/**
 * Answers readiness probes about the metrics database, configured exactly as the recorder that writes to it.
 * An answer is kept for a short while so that frequent probes of a load balancer or orchestrator do not
 * hammer the database.
 */
@ApplicationScoped
public class MetricsDatabaseHealth {

    static final Duration KEEP_ANSWER = Duration.ofSeconds(2);

    private MetricsOptions options;
    private Clock clock;
    private DatabaseReachabilityProbe probe;
    private DatabaseReachability last;

    protected MetricsDatabaseHealth() {
        // for the CDI proxy
    }

    @Inject
    public MetricsDatabaseHealth(MetricsOptions options) {
        this(options, Clock.systemUTC());
    }

    public MetricsDatabaseHealth(MetricsOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.probe = new DatabaseReachabilityProbe(options, clock);
    }

    /** Where the database is, fit to be shown: no credentials. */
    public String location() {
        return RedactedLocation.of(options.databaseUrl());
    }

    public synchronized DatabaseReachability check() {
        if (last == null || !clock.instant().isBefore(last.at().plus(KEEP_ANSWER))) {
            last = probe.probe();
        }
        return last;
    }
}
