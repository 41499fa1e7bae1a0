package com.trackdesk.mcp.execution.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * State kept per tenant (a breaker, a set of call slots), bounded: the key comes from the Host
 * header, so without a bound every made-up subdomain would leave an entry behind. Past {@link #MAX_TENANTS} keys
 * the entries that are idle are dropped — the same cap and the same rule for every per-tenant map, so none of them
 * can grow without limit and none forgets a tenant that is in the middle of something.
 *
 * @param <K> the tenant key
 * @param <V> the state kept for it
 */
final class PerTenantState<K, V> {

    static final int MAX_TENANTS = 1_000;

    private final Map<K, V> states = new ConcurrentHashMap<>();
    private final Predicate<V> idle;

    /** @param idle true for an entry that may be dropped and made afresh later without changing any outcome */
    PerTenantState(Predicate<V> idle) {
        this.idle = idle;
    }

    V get(K key, Function<K, V> create) {
        V existing = states.get(key);
        if (existing != null) {
            return existing;
        }
        if (states.size() >= MAX_TENANTS) {
            states.values().removeIf(idle);
        }
        return states.computeIfAbsent(key, create);
    }

    /** The entry if there is one; never creates one. */
    V existing(K key) {
        return states.get(key);
    }

    int size() {
        return states.size();
    }
}
