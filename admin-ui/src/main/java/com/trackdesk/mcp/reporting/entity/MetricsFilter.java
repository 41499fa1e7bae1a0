package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * What the console asks about: calls from {@code since} (inclusive) to {@code until} (exclusive), of one
 * tenant or of all. The tenant is what the admin typed: a tenant name or a stored label.
 */
public record MetricsFilter(Instant since, Instant until, Optional<String> tenant) {
}
