package com.trackdesk.mcp.reporting.entity;

import java.util.List;

/**
 * A page of the recent-calls log, newest first.
 *
 * @param page     0 for the newest calls
 * @param pageSize rows per page
 * @param hasMore  whether an older page exists
 */
public record RecentCallsPage(List<RecentCall> calls, int page, int pageSize, boolean hasMore) {
}
