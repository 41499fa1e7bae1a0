package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.RequestBody;
import com.trackdesk.mcp.search.entity.SearchHit;
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

    /** The compact shape plus why the hit matched and the siblings folded into it, when there are any. */
    public Map<String, Object> compact(SearchHit hit) {
        Map<String, Object> compact = compact(hit.operation());
        if (!hit.reasons().isEmpty()) {
            compact.put("why", hit.reasons());
        }
        if (!hit.variants().isEmpty()) {
            compact.put("variants", hit.variants());
        }
        return compact;
    }

    /**
     * One hit in a few lines: "why" says which of the request's words it contains or that its meaning is
     * close; "variants" are near-identical siblings (same action under another scope): search one of those
     * operationIds for its parameters.
     */
    public String line(int rank, SearchHit hit) {
        StringBuilder text = new StringBuilder(line(rank, hit.operation()));
        int firstLineEnd = text.indexOf("\n") < 0 ? text.length() : text.indexOf("\n");
        StringBuilder extra = new StringBuilder();
        if (!hit.reasons().isEmpty()) {
            extra.append(" [").append(String.join("; ", hit.reasons())).append(']');
        }
        if (!hit.variants().isEmpty()) {
            extra.append("\n   variants: ").append(String.join(", ", hit.variants()));
        }
        text.insert(firstLineEnd, extra);
        return text.toString();
    }

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
        // ASCII separators, not dashes: one character above U+00FF makes the whole answer a UTF-16 string, which
        // every later copy and the response's UTF-8 encoding then handle on their slow path (issue 17)
        StringBuilder text = new StringBuilder()
                .append(rank).append(". ").append(operation.operationId())
                .append(" - ").append(operation.signature());
        if (operation.summary() != null && !operation.summary().isBlank()) {
            text.append(" - ").append(operation.summary());
        }
        if (!operation.parameters().isEmpty()) {
            // Required parameters in full, the optional ones only counted: a hit must stay short, and
            // searching the operationId gives every parameter with its schema.
            var required = operation.parameters().stream().filter(Parameter::required).map(HitFormatter::signature).toList();
            long optional = operation.parameters().size() - required.size();
            var parts = new java.util.ArrayList<>(required);
            if (optional > 0) {
                parts.add(optional + " optional");
            }
            text.append("\n   params: ").append(String.join(", ", parts));
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
