package com.trackdesk.mcp.execution.entity;

import java.util.List;

/**
 * The call was not sent upstream because something about it is wrong. Carries every problem
 * found, so the assistant can fix them all in one go. Messages never contain the API key.
 */
public class ExecutionRefused extends RuntimeException {

    private final List<String> problems;

    public ExecutionRefused(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ExecutionRefused(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
