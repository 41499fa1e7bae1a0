package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the raw {@code execute} arguments into an {@link ExecutionRequest}, naming every argument of the wrong shape. */
@ApplicationScoped
public class ExecutionArguments {

    public ExecutionRequest parse(Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        List<String> problems = new ArrayList<>();
        Optional<String> operationId = text(args, "operationId", problems);
        Optional<String> method = text(args, "method", problems);
        Optional<String> path = text(args, "path", problems);
        Map<String, Object> pathParams = object(args, "pathParams", problems);
        Map<String, Object> query = object(args, "query", problems);
        List<String> fields = textList(args, "fields", problems);
        if (!problems.isEmpty()) {
            throw new ExecutionRefused(problems);
        }
        return new ExecutionRequest(operationId, method, path, pathParams, query, args.get("body"), fields);
    }

    private static Optional<String> text(Map<String, Object> args, String name, List<String> problems) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text.trim());
        }
        problems.add("'" + name + "' must be a non-empty string");
        return Optional.empty();
    }

    private static List<String> textList(Map<String, Object> args, String name, List<String> problems) {
        Object value = args.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items && items.stream().allMatch(i -> i instanceof String s && !s.isBlank())) {
            return items.stream().map(i -> ((String) i).trim()).toList();
        }
        problems.add("'" + name + "' must be a list of dotted field paths, e.g. [\"affiliates.id\"]");
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> args, String name, List<String> problems) {
        Object value = args.get(name);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add("'" + name + "' must be an object of name → value");
        return Map.of();
    }
}
