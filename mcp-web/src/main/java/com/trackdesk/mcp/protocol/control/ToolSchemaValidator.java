package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;

import java.util.Collections;
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

    private final Map<Map<String, Object>, String> keys = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    protected String generateCacheKey(Map<String, Object> schema) {
        return keys.computeIfAbsent(schema, s -> "schema#" + keys.size());
    }
}
