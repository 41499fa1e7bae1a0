package com.trackdesk.mcp.reporting.entity;

/** Calls and failed calls (any outcome but OK) under one name: a tool, an operation, an outcome. */
public record NamedCount(String name, long calls, long errors) {
}
