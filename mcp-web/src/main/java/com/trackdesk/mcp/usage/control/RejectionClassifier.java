package com.trackdesk.mcp.usage.control;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.usage.entity.Rejection;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an answer of {@code /mcp} that no tool produced and tells whether, and why, the request was rejected:
 * by HTTP status for what the filters refused (body, headers, Origin, size), by JSON-RPC error code for what the
 * MCP SDK refused (unknown tool, invalid parameters, unknown method). Successful protocol traffic (initialize,
 * tools/list, ping, notifications) is not a rejection and is not counted.
 */
@ApplicationScoped
public class RejectionClassifier {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;

    @Inject
    McpJsonMapper json;

    public Optional<Rejection> classify(int status, Object entity) {
        Optional<Map<?, ?>> error = error(entity);
        if (status == 403) {
            return Optional.of(new Rejection(Outcome.POLICY, Rejection.PROTOCOL, status));
        }
        if (status == 421) {
            return Optional.of(new Rejection(Outcome.UNKNOWN_TENANT, Rejection.PROTOCOL, status));
        }
        if (status >= 400 && status < 500) {
            return Optional.of(new Rejection(Outcome.MALFORMED_REQUEST, Rejection.PROTOCOL, status));
        }
        if (error.isEmpty() || status >= 500) {
            return Optional.empty();
        }
        int code = error.get().get("code") instanceof Number number ? number.intValue() : 0;
        String message = String.valueOf(error.get().get("message")).toLowerCase(Locale.ROOT);
        return switch (code) {
            case INVALID_PARAMS -> Optional.of(message.contains("unknown tool") || message.contains("tool not found")
                    ? new Rejection(Outcome.UNKNOWN_TOOL, Rejection.UNKNOWN_TOOL, status)
                    : new Rejection(Outcome.VALIDATION, Rejection.PROTOCOL, status));
            case PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND ->
                    Optional.of(new Rejection(Outcome.MALFORMED_REQUEST, Rejection.PROTOCOL, status));
            default -> Optional.empty();
        };
    }

    /**
     * The text of an answer's entity: {@code /mcp} writes JSON-RPC answers as UTF-8 bytes (one encoding pass, see
     * {@code McpResource}), the filters' refusals as strings.
     */
    public static Optional<String> text(Object entity) {
        if (entity instanceof String text) {
            return Optional.of(text);
        }
        if (entity instanceof byte[] utf8) {
            return Optional.of(new String(utf8, StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** The JSON-RPC {@code error} member of an answer, when it is one. */
    private Optional<Map<?, ?>> error(Object entity) {
        Optional<String> body = text(entity);
        if (body.isEmpty() || !body.get().contains("\"error\"")) {
            return Optional.empty();
        }
        String text = body.get();
        try {
            Map<?, ?> answer = json.readValue(text, Map.class);
            return answer.get("error") instanceof Map<?, ?> error ? Optional.of(error) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
