package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to call one operation: every parameter with its schema, the resolved body
 * schema, the response codes and an example {@code execute} call to start from.
 */
@ApplicationScoped
public class OperationDetails {

    private final SampleValues samples;

    public OperationDetails() {
        this(Clock.systemUTC());
    }

    OperationDetails(Clock clock) {
        this.samples = new SampleValues(clock);
    }

    public Map<String, Object> describe(Operation operation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operationId", operation.operationId());
        details.put("method", operation.method());
        details.put("path", operation.path());
        details.put("summary", nullToEmpty(operation.summary()));
        details.put("description", nullToEmpty(operation.description()));
        details.put("tags", operation.tags());
        details.put("parameters", operation.parameters().stream().map(OperationDetails::parameter).toList());
        operation.requestBody().ifPresent(body -> {
            Map<String, Object> requestBody = new LinkedHashMap<>();
            requestBody.put("required", body.required());
            requestBody.put("contentType", body.contentType());
            requestBody.put("schema", body.schema());
            details.put("requestBody", requestBody);
        });
        details.put("responses", operation.responseCodes());
        details.put("readOnly", operation.readOnly());
        details.put("exampleCall", exampleCall(operation));
        return details;
    }

    private static Map<String, Object> parameter(Parameter parameter) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", parameter.name());
        entry.put("in", parameter.location().label());
        entry.put("required", parameter.required());
        entry.put("schema", parameter.schema());
        if (parameter.description() != null && !parameter.description().isBlank()) {
            entry.put("description", parameter.description());
        }
        return entry;
    }

    /**
     * A call for {@code execute} that works as it is where it can: path values as named placeholders, required
     * query parameters and body fields with realistic values, paging and time windows filled in.
     */
    Map<String, Object> exampleCall(Operation operation) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("operationId", operation.operationId());
        Map<String, Object> pathParams = placeholders(operation.parametersIn(ParameterLocation.PATH), false);
        if (!pathParams.isEmpty()) {
            call.put("pathParams", pathParams);
        }
        Map<String, Object> query = placeholders(operation.parametersIn(ParameterLocation.QUERY), false);
        if (!query.isEmpty()) {
            call.put("query", query);
        }
        operation.requestBody().ifPresent(body -> call.put("body", samples.body(body.schema(), 3)));
        return call;
    }

    private Map<String, Object> placeholders(List<Parameter> parameters, boolean requiredOnly) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (parameter.required()) {
                values.put(parameter.name(), samples.required(parameter.name(), parameter.schema(), 1));
            } else if (!requiredOnly) {
                samples.optional(parameter.name(), parameter.schema(), 1).ifPresent(v -> values.put(parameter.name(), v));
            }
        }
        return values;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
