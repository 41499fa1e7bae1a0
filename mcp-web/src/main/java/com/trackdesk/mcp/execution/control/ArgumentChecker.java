package com.trackdesk.mcp.execution.control;

import com.networknt.schema.Error;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import com.trackdesk.mcp.catalog.entity.RequestBody;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the arguments of a call against its operation before anything is sent, and reports every
 * problem at once: unknown names (with suggestions), missing required values, values of the wrong
 * type, and a body that does not match its JSON Schema.
 */
@ApplicationScoped
public class ArgumentChecker {

    /** Enough to fix a call; more would drown the message. */
    static final int MAX_BODY_PROBLEMS = 15;

    @Inject
    RequestSchemas schemas;

    public void check(Operation operation, ExecutionRequest request) {
        List<String> problems = new ArrayList<>();
        checkParameters(operation, ParameterLocation.PATH, request.pathParams(), "pathParams", problems);
        checkParameters(operation, ParameterLocation.QUERY, request.query(), "query", problems);
        checkBody(operation, request, problems);
        if (!problems.isEmpty()) {
            throw new ExecutionRefused(problems);
        }
    }

    private void checkParameters(Operation operation, ParameterLocation location, Map<String, Object> given,
                                 String argument, List<String> problems) {
        List<Parameter> declared = operation.parametersIn(location);
        Set<String> known = declared.stream().map(Parameter::name).collect(Collectors.toSet());
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                problems.add(unknownName(operation, argument, name, known));
            }
        }
        for (Parameter parameter : declared) {
            Object value = given.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    problems.add("missing required " + location.label() + " parameter '" + parameter.name() + "' ("
                            + parameter.type() + ")");
                }
                continue;
            }
            validateValue(location.label() + " parameter '" + parameter.name() + "'", parameter.schema(),
                    ParameterValues.coerce(value, parameter.schema()), problems);
        }
    }

    private void checkBody(Operation operation, ExecutionRequest request, List<String> problems) {
        if (operation.requestBody().isEmpty()) {
            if (request.body() != null) {
                problems.add("this operation takes no request body; pass values in 'query' or 'pathParams' instead");
            }
            return;
        }
        RequestBody body = operation.requestBody().get();
        if (request.body() == null) {
            if (body.required()) {
                problems.add("missing request body: this operation needs a JSON body"
                        + (body.topLevelFields().isEmpty() ? "" : " with fields such as " + body.topLevelFields())
                        + " (pass {} if no field is needed)");
            }
            return;
        }
        if (body.schema() == null || body.schema().isEmpty()) {
            return;
        }
        List<Error> errors = schemas.compile(body.schema(), fieldsBoundFromPath(operation))
                .validate(RequestSchemas.tree(request.body()));
        errors.stream().limit(MAX_BODY_PROBLEMS)
                .forEach(error -> problems.add("body " + error.getInstanceLocation() + ": " + error.getMessage()));
        if (errors.size() > MAX_BODY_PROBLEMS) {
            problems.add("… and " + (errors.size() - MAX_BODY_PROBLEMS) + " more body problems");
        }
    }

    private void validateValue(String what, Map<String, Object> schema, Object value, List<String> problems) {
        if (schema == null || schema.isEmpty()) {
            return;
        }
        for (Error error : schemas.compile(schema, Set.of()).validate(RequestSchemas.tree(value))) {
            problems.add(what + ": " + error.getMessage().replaceFirst("^\\$:? ?", ""));
        }
    }

    /**
     * Trackdesk binds some body fields from the path, grpc-gateway style: {@code {sourcePublicId.value}}
     * fills the body's {@code sourcePublicId}. Such fields need not be in the body.
     */
    static Set<String> fieldsBoundFromPath(Operation operation) {
        return operation.parametersIn(ParameterLocation.PATH).stream()
                .map(p -> p.name().contains(".") ? p.name().substring(0, p.name().indexOf('.')) : p.name())
                .collect(Collectors.toSet());
    }

    private static String unknownName(Operation operation, String argument, String name, Set<String> known) {
        if (known.isEmpty()) {
            return "unknown " + argument + " entry '" + name + "': " + operation.operationId() + " takes no "
                    + argument;
        }
        List<String> close = NameSuggestions.closest(name, known, 3);
        return "unknown " + argument + " entry '" + name + "'"
                + (close.isEmpty() ? "; " + operation.operationId() + " accepts " + known.stream().sorted().toList()
                : "; did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList()) + "?");
    }
}
