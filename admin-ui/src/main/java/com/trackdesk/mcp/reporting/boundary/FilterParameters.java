package com.trackdesk.mcp.reporting.boundary;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.console.entity.ApiProblem;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The filter query parameters every metrics endpoint takes: {@code since} and {@code until} as ISO-8601
 * instants (default: the last 24 hours), an optional {@code tenant}, and the drill-down: {@code tool},
 * {@code operation} (an operationId) and {@code outcome} (an {@link Outcome} name).
 */
public class FilterParameters {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    static final Duration LONGEST_WINDOW = Duration.ofDays(400);

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    @QueryParam("tenant")
    String tenant;

    @QueryParam("tool")
    String tool;

    @QueryParam("operation")
    String operation;

    @QueryParam("outcome")
    String outcome;

    MetricsFilter toFilter(Clock clock) {
        Instant end = instant("until", until).orElse(clock.instant());
        Instant start = instant("since", since).orElse(end.minus(DEFAULT_WINDOW));
        if (!start.isBefore(end)) {
            throw badRequest("since must be before until");
        }
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw badRequest("the time range may span at most " + LONGEST_WINDOW.toDays() + " days");
        }
        return new MetricsFilter(start, end, given(tenant), given(tool), given(operation), given(outcome).map(FilterParameters::outcome));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Outcome outcome(String name) {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw badRequest("outcome must be one of " + java.util.Arrays.toString(Outcome.values()));
        }
    }

    static BadRequestException badRequest(String detail) {
        return new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiProblem("bad request", detail))
                .build());
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 instant such as 2026-03-02T12:00:00Z");
        }
    }
}
