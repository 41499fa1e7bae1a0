package com.trackdesk.mcp.it;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately plain MCP client for tests: raw JSON-RPC over HTTP POST, so tests can see and
 * break every header and byte. Real-client behaviour is covered by the TypeScript SDK end-to-end test.
 */
public final class McpClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public McpClient(URI endpoint) {
        this.endpoint = endpoint;
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("Content-Type", "application/json");
    }

    public McpClient header(String name, String value) {
        McpClient copy = new McpClient(endpoint);
        copy.headers.putAll(headers);
        if (value == null) {
            copy.headers.remove(name);
        } else {
            copy.headers.put(name, value);
        }
        return copy;
    }

    /** Sends a JSON-RPC request and returns the whole JSON answer (checks HTTP 200). */
    public JsonNode request(String method, Object params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("id", ids.incrementAndGet());
        message.put("method", method);
        if (params != null) {
            message.set("params", JSON.valueToTree(params));
        }
        HttpResponse<String> response = post(message.toString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + method + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public JsonNode initialize() {
        return request("initialize", Map.of(
                "protocolVersion", "2025-06-18",
                "capabilities", Map.of(),
                "clientInfo", Map.of("name", "it", "version", "1")));
    }

    /** tools/call, returning the CallToolResult. */
    public JsonNode call(String tool, Map<String, Object> arguments) {
        JsonNode answer = request("tools/call", Map.of("name", tool, "arguments", arguments));
        if (answer.has("error")) {
            throw new AssertionError("JSON-RPC error: " + answer);
        }
        return answer.get("result");
    }

    public HttpResponse<String> post(String body) {
        return send("POST", HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpResponse<String> send(String method, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .method(method, body);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String text(JsonNode toolResult) {
        return toolResult.get("content").get(0).get("text").asText();
    }
}
