package com.trackdesk.mcp.security.entity;

/** What the login form needs to know before anyone logs in: whether a login is possible at all. */
public record LoginInfo(boolean passwordConfigured, String howToSetPassword) {
}
