package com.trackdesk.mcp.execution.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one {@code execute} call, as the assistant sent them.
 *
 * @param operationId names the operation, or else {@code method} + {@code path} do
 * @param body        the JSON request body (maps, lists, strings, numbers, booleans), or null
 * @param fields      dotted paths of the answer to keep (all when empty)
 */
public record ExecutionRequest(
        Optional<String> operationId,
        Optional<String> method,
        Optional<String> path,
        Map<String, Object> pathParams,
        Map<String, Object> query,
        Object body,
        List<String> fields) {

    public ExecutionRequest {
        pathParams = pathParams == null ? Map.of() : pathParams;
        query = query == null ? Map.of() : query;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** How the caller named the operation, for messages. */
    public String target() {
        return operationId.orElseGet(() -> method.orElse("?") + " " + path.orElse("?"));
    }
}
