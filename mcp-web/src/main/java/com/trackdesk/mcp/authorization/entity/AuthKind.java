package com.trackdesk.mcp.authorization.entity;

/** How a call to /mcp proved who it is. */
public enum AuthKind {
    /** The personal access token in the {@code X-Api-Key} header. */
    HEADER,
    /** An OAuth access token ({@code Authorization: Bearer}) sealing the personal access token. */
    OAUTH
}
