package com.trackdesk.mcp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trackdesk.mcp.testsupport.http.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** JSON-RPC to the deployed MCP endpoint, written out plainly: nothing between the test and the server's bytes. */
final class McpRpc {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private McpRpc() {
    }

    /** One JSON-RPC request to an MCP endpoint; returns the whole answer (asserts HTTP 200). */
    static JsonNode rpc(URI mcp, String apiKey, String method, Object params) {
        Map<String, Object> message = params == null
                ? Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", method)
                : Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", method, "params", params);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(mcp).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        HttpResponse<String> response = Http.send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + method + ": " + response.body());
        }
        return json(response.body());
    }

    static JsonNode initialize(URI mcp, String apiKey) {
        return rpc(mcp, apiKey, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "deploy-it", "version", "1")));
    }

    /** tools/call, returning the CallToolResult. */
    static JsonNode call(URI mcp, String apiKey, String tool, Map<String, Object> arguments) {
        JsonNode answer = rpc(mcp, apiKey, "tools/call", Map.of("name", tool, "arguments", arguments));
        if (answer.has("error")) {
            throw new AssertionError("JSON-RPC error: " + answer);
        }
        return answer.get("result");
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
