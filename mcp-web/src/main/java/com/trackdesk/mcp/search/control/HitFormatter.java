package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.RequestBody;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact shape of one search hit: enough to pick the operation and call it, small enough that
 * ten hits fit in about a thousand tokens. Parameters read like {@code "accountId: path string required"}.
 */
@ApplicationScoped
public class HitFormatter {

    public Map<String, Object> compact(Operation operation) {
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("operationId", operation.operationId());
        hit.put("method", operation.method());
        hit.put("path", operation.path());
        hit.put("summary", operation.summary() == null ? "" : operation.summary());
        hit.put("parameters", operation.parameters().stream().map(HitFormatter::signature).toList());
        operation.requestBody().ifPresent(body -> hit.put("body", bodyFields(body)));
        hit.put("readOnly", operation.readOnly());
        return hit;
    }

    public String line(int rank, Operation operation) {
        StringBuilder text = new StringBuilder()
                .append(rank).append(". ").append(operation.operationId())
                .append(" — ").append(operation.signature());
        if (operation.summary() != null && !operation.summary().isBlank()) {
            text.append(" — ").append(operation.summary());
        }
        if (!operation.parameters().isEmpty()) {
            text.append("\n   params: ").append(String.join(", ",
                    operation.parameters().stream().map(HitFormatter::signature).toList()));
        }
        operation.requestBody().ifPresent(body ->
                text.append("\n   body").append(body.required() ? " (required)" : "").append(": ")
                        .append(String.join(", ", bodyFields(body))));
        return text.toString();
    }

    static String signature(Parameter parameter) {
        return parameter.name() + ": " + parameter.location().label() + " " + parameter.type()
                + (parameter.required() ? " required" : "");
    }

    private static List<String> bodyFields(RequestBody body) {
        return body.topLevelFields();
    }
}
