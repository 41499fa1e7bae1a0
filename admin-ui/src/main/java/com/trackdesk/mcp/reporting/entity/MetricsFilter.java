package com.trackdesk.mcp.reporting.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;

import java.time.Instant;
import java.util.Optional;

/**
 * What the console asks about: calls from {@code since} (inclusive) to {@code until} (exclusive), of one
 * tenant or of all. The tenant is what the admin typed: a tenant name or a stored label. The drill-down
 * narrows further to one tool, one operation and one outcome when given.
 */
public record MetricsFilter(Instant since, Instant until, Optional<String> tenant, Optional<String> tool,
                            Optional<String> operation, Optional<Outcome> outcome) {

    public MetricsFilter(Instant since, Instant until, Optional<String> tenant) {
        this(since, until, tenant, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
