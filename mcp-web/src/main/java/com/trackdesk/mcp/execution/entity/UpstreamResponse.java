package com.trackdesk.mcp.execution.entity;

import java.time.Duration;
import java.util.Optional;

/**
 * What the upstream answered.
 *
 * @param contentType the response media type, empty when there was no body
 * @param retryAfter  the upstream's Retry-After, when it sent one
 */
public record UpstreamResponse(int status, String contentType, String body, Optional<Duration> retryAfter) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public boolean json() {
        return contentType != null && contentType.toLowerCase().contains("json");
    }
}
