package com.trackdesk.mcp.catalog.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads MCP_SPEC_REFRESH: an ISO-8601 duration ("PT15M") or plain seconds ("900"); zero or empty means never. */
public final class RefreshInterval {

    private RefreshInterval() {
    }

    public static Optional<Duration> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        var trimmed = value.strip();
        Duration interval;
        try {
            interval = trimmed.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(trimmed))
                    : Duration.parse(trimmed);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("MCP_SPEC_REFRESH '" + value
                    + "' is neither an ISO-8601 duration (e.g. PT15M) nor a number of seconds", e);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("MCP_SPEC_REFRESH '" + value + "' must not be negative");
        }
        return interval.isZero() ? Optional.empty() : Optional.of(interval);
    }
}
