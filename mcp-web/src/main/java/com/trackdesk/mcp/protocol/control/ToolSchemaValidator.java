package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The MCP SDK's JSON Schema validator (input and output schemas of every tool call), with a cache key that costs
 * nothing per call. The SDK keys its compiled schemas by {@code schema.hashCode()}, which walks the whole schema
 * map — twice per {@code tools/call} (input and output) — and lets two different schemas with equal hash codes share
 * one compiled validator. The schemas here are the tools' own, built once and never changed, so each schema object
 * gets its own number on first use.
 */
public final class ToolSchemaValidator extends DefaultJsonSchemaValidator {

    /**
     * Replaced, never changed, when a schema is first seen: every call reads it without a lock. A synchronized map here
     * was one lock taken twice by every {@code tools/call} of every thread; at 64 calls in flight on two cores, threads
     * queued behind a holder the scheduler had paused (356 waits of 49–54 ms on average in 30 s of the benchmark's
     * JFR recording, 2026-12-07 22:57).
     */
    private volatile Map<Map<String, Object>, String> keys = new IdentityHashMap<>();

    @Override
    protected String generateCacheKey(Map<String, Object> schema) {
        String key = keys.get(schema);
        return key != null ? key : firstKeyOf(schema);
    }

    private synchronized String firstKeyOf(Map<String, Object> schema) {
        String key = keys.get(schema);
        if (key == null) {
            Map<Map<String, Object>, String> next = new IdentityHashMap<>(keys);
            key = "schema#" + next.size();
            next.put(schema, key);
            keys = next;
        }
        return key;
    }
}
