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
 * Calls per MCP protocol revision, newest revision first: shows whether clients still use an old revision, so it
 * can be retired. Counted from the call rows (the rollups do not carry the revision).
 */
@ApplicationScoped
public class ProtocolRevisionCounts {

    /** Calls recorded before revisions were (or where the revision was not known). */
    public static final String UNKNOWN = CallsPerColumn.UNKNOWN;

    private MetricsDatabase database;
    private MetricsOptions options;

    protected ProtocolRevisionCounts() {
        // for the CDI proxy
    }

    @Inject
    public ProtocolRevisionCounts(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public List<NamedCount> count(MetricsFilter filter) {
        return database.read(em -> CallsPerColumn.count(em, options, filter, "protocolRevision").stream()
                .sorted(NEWEST_FIRST)
                .toList());
    }

    /** Revisions are dates (YYYY-MM-DD), so the newest sorts last as text; "unknown" goes to the end. */
    static final Comparator<NamedCount> NEWEST_FIRST = Comparator
            .comparing((NamedCount count) -> UNKNOWN.equals(count.name()))
            .thenComparing(NamedCount::name, Comparator.reverseOrder());
}
