package com.trackdesk.mcp.tool.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;

/** The text side of tool results: values written as compact JSON, and how long a result's text is. */
@ApplicationScoped
public class ResultText {

    @Inject
    McpJsonMapper json;

    /** Strings stay as they are (CSV, plain text), anything else becomes JSON; null becomes "". */
    public String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        return renderAsJson(value);
    }

    /** Any value as JSON, strings quoted too: as the value is written inside a list. */
    public String renderAsJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            return String.valueOf(value);
        }
    }

    /** Characters of text content in a result: what the metrics call its size. */
    public static long length(CallToolResult result) {
        return result.content().stream()
                .mapToLong(content -> content instanceof McpSchema.TextContent text ? text.text().length() : 0)
                .sum();
    }
}
