package com.trackdesk.mcp.execution.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;

import java.util.List;

/**
 * The call was not sent upstream because something about it is wrong. Carries every problem
 * found, so the assistant can fix them all in one go. Messages never contain the API key.
 */
public class ExecutionRefused extends RuntimeException {

    private final List<String> problems;
    private final Outcome reason;

    public ExecutionRefused(List<String> problems) {
        this(Outcome.VALIDATION, problems);
    }

    public ExecutionRefused(String problem) {
        this(List.of(problem));
    }

    /** @param reason how the refusal is counted: validation by default; policy, unknown operation, overload */
    public ExecutionRefused(Outcome reason, String problem) {
        this(reason, List.of(problem));
    }

    private ExecutionRefused(Outcome reason, List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.reason = reason;
    }

    public List<String> problems() {
        return problems;
    }

    public Outcome reason() {
        return reason;
    }
}
