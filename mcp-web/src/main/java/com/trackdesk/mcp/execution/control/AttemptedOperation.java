package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.ExecutionRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operation name an {@code execute} call tried that the API does not have, as the metrics keep it: admins
 * see which made-up names assistants try. An operation name is not a secret, but the argument it came in is
 * free text, so only what looks like an operationId is kept; anything else is counted under one placeholder.
 */
public final class AttemptedOperation {

    static final String NOT_A_NAME = "(not an operationId)";
    static final String BY_PATH = "(method and path)";
    private static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,99}");

    private AttemptedOperation() {
    }

    public static Optional<String> of(ExecutionRequest request) {
        if (request.operationId().isEmpty()) {
            // a path may hold ids and other values of the caller's data: never recorded
            return Optional.of(BY_PATH);
        }
        String name = request.operationId().get().strip();
        return Optional.of(OPERATION_ID.matcher(name).matches() ? name : NOT_A_NAME);
    }
}
