package com.trackdesk.mcp.reporting.entity;

/**
 * How callers got in during a time range: calls with the {@code X-Api-Key} header, with an OAuth access token, or
 * recorded before the auth kind was kept; and submitted OAuth sign-ins, accepted or not (sign-ins are counted for
 * all tenants: they are stored without one).
 */
public record AccessCounts(long headerCalls, long oauthCalls, long unknownCalls, long signIns, long failedSignIns) {
}
