package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.entity.ShapedBody;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.tool.control.ResultText;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an upstream answer into a tool result an assistant can read: the JSON body as
 * {@code structuredContent.body}, a compact text rendering, and for failures a message that says
 * what to do next.
 */
@ApplicationScoped
public class ResultComposer {

    static final String TOKEN_HELP = "Check the X-Api-Key header your MCP client sends: the value may be wrong, "
            + "or the token may have been revoked. Create a new one in Trackdesk under "
            + "Settings → Integrations → Personal access tokens.";

    @Inject
    McpJsonMapper json;

    @Inject
    ResponseShaper shaper;
    @Inject
    ResultText renderer;

    public CallToolResult fromResponse(Operation operation, UpstreamResponse response, List<String> fields) {
        Object body = parsedBody(response);
        ShapedBody shaped = shaper.shape(operation, body, response.successful() ? fields : List.of(),
                response.body() == null ? 0 : response.body().length());
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("status", response.status());
        structured.put("body", shaped.body());
        String rendered = shaped.text().isEmpty() ? "(empty body)" : shaped.text();
        if (shaped.truncated()) {
            structured.put("truncated", true);
            shaped.totalItems().ifPresent(total -> structured.put("totalItems", total));
            shaped.returnedItems().ifPresent(returned -> structured.put("returnedItems", returned));
            shaped.hint().ifPresent(hint -> structured.put("hint", hint));
            rendered += "\n(truncated: " + shaped.returnedItems().map(n -> n + " of "
                    + shaped.totalItems().map(String::valueOf).orElse("more") + " items shown").orElse("answer cut")
                    + ". " + shaped.hint().orElse("") + ")";
        }
        // ASCII "->", not an arrow: one character above U+00FF makes the whole answer (the upstream JSON in it too) a
        // UTF-16 string, which every later copy and the response's UTF-8 encoding then handle on their slow path
        String text = response.successful()
                ? operation.operationId() + " -> HTTP " + response.status() + "\n" + rendered
                : failureMessage(operation, response, body) + "\nUpstream answer: " + rendered;
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(structured)
                .isError(!response.successful())
                .build();
    }

    public CallToolResult refused(List<String> problems) {
        String text = problems.size() == 1
                ? "The call was not sent: " + problems.get(0)
                : "The call was not sent; fix these problems:\n- " + String.join("\n- ", problems);
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    public CallToolResult failed(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    String failureMessage(Operation operation, UpstreamResponse response, Object body) {
        int status = response.status();
        String upstreamMessage = upstreamMessage(body).map(m -> " Trackdesk says: \"" + m + "\".").orElse("");
        String call = operation.operationId() + " failed with HTTP " + status + ".";
        return switch (status) {
            case 401, 403 -> call + " Trackdesk refused the API key." + upstreamMessage + " " + TOKEN_HELP;
            case 404 -> call + " Nothing was found at that address: check the ids you passed (search or list first)." + upstreamMessage;
            case 409 -> call + " The request conflicts with the current state (it may already exist or be in use)." + upstreamMessage;
            case 400, 422 -> call + " Trackdesk rejected the arguments." + upstreamMessage + details(body)
                    + " Fix the arguments and try again.";
            case 429 -> call + " Rate limit reached: slow down and retry"
                    + response.retryAfter().map(d -> " after " + d.toSeconds() + " s").orElse(" in a little while") + ".";
            default -> status >= 500
                    ? call + " Trackdesk had a problem on its side; try again in a moment." + upstreamMessage
                    : call + upstreamMessage;
        };
    }

    /** Trackdesk errors are google.rpc.Status objects: {code, message, details}. */
    private static Optional<String> upstreamMessage(Object body) {
        if (body instanceof Map<?, ?> map && map.get("message") instanceof String message && !message.isBlank()) {
            return Optional.of(message);
        }
        return Optional.empty();
    }

    private String details(Object body) {
        if (body instanceof Map<?, ?> map && map.get("details") instanceof List<?> details && !details.isEmpty()) {
            return " Details: " + renderer.render(details) + ".";
        }
        return "";
    }

    private Object parsedBody(UpstreamResponse response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return null;
        }
        if (response.json() || looksLikeJson(text)) {
            try {
                return json.readValue(text, Object.class);
            } catch (IOException notJson) {
                return text;
            }
        }
        return text;
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }
}
