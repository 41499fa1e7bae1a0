package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamResponse;

/**
 * Removes the caller's API key from an upstream answer before it is shown: an upstream (or a proxy in
 * front of it) that quotes the key it was sent, e.g. "invalid key tok-…", must not make the MCP server
 * echo the token into the conversation, where assistants keep and repeat it.
 */
public final class KeyRedaction {

    public static final String REDACTED = "[redacted X-Api-Key]";

    /** Keys shorter than this are too short to search for safely (they would match ordinary text). */
    static final int MIN_KEY_LENGTH = 8;

    private KeyRedaction() {
    }

    public static UpstreamResponse redact(UpstreamResponse response, String apiKey) {
        if (apiKey == null || apiKey.length() < MIN_KEY_LENGTH || response.body() == null
                || !response.body().contains(apiKey)) {
            return response;
        }
        return new UpstreamResponse(response.status(), response.contentType(),
                response.body().replace(apiKey, REDACTED), response.retryAfter());
    }
}
