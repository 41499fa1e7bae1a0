package com.trackdesk.mcp.console.entity;

/** The JSON body of every error answer of the console's API: never a stack trace, never an HTML page. */
public record ApiProblem(String error, String detail) {
}
