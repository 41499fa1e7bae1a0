package com.trackdesk.mcp.authorization.entity;

/**
 * An authenticated request to /mcp: the personal access token to send upstream as {@code X-Api-Key}, how it
 * arrived, and whether the connection is read-only ({@code /mcp/readonly}, or an OAuth grant of the read-only
 * scope). Lives for one request; {@link #toString()} hides the token.
 */
public record Connection(String apiKey, AuthKind kind, boolean readOnly) {

    /** The request property under which the authentication filter hands the connection to the MCP resource. */
    public static final String PROPERTY = "com.trackdesk.mcp.authorization.Connection";

    @Override
    public String toString() {
        return "Connection[" + kind + (readOnly ? ", read-only" : "") + "]";
    }
}
