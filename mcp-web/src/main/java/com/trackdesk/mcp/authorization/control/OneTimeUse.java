package com.trackdesk.mcp.authorization.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the random ids of authorization codes and refresh tokens already used on this instance, until they
 * would have expired anyway, so a code or refresh token is accepted once. Only the id is kept (a random UUID that
 * the sealed value carries), never the value, the token or the personal access token. Across the instances of a
 * cluster the guarantee rests on PKCE instead (see SECURITY.md, "Sealed OAuth tokens").
 */
@ApplicationScoped
public class OneTimeUse {

    static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    /** True the first time an id is presented; false on every later try while it is remembered. */
    public boolean firstUse(String id, Instant expiresAt) {
        if (id == null) {
            return false;
        }
        Instant now = clock.instant();
        if (used.size() >= MAX_REMEMBERED) {
            used.values().removeIf(expiry -> expiry.isBefore(now));
        }
        return used.putIfAbsent(id, expiresAt) == null;
    }
}
