package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;

/**
 * Calls and failed calls per server instance, from the call rows (the rollups have no instance): in a
 * cluster sharing one database, which instance served how much. Rows from before instances were recorded
 * are counted under "unknown".
 */
@ApplicationScoped
public class InstanceShares {

    static final String UNKNOWN = CallsPerColumn.UNKNOWN;

    private MetricsDatabase database;
    private MetricsOptions options;

    protected InstanceShares() {
        // for the CDI proxy
    }

    @Inject
    public InstanceShares(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    /** Busiest instance first. */
    public List<NamedCount> byInstance(MetricsFilter filter) {
        return database.read(em -> CallsPerColumn.count(em, options, filter, "instance").stream()
                .sorted(Comparator.comparingLong(NamedCount::calls).reversed())
                .toList());
    }
}
