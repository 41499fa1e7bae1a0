package com.trackdesk.mcp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Plain HTTP and JSON-RPC for the EAR tests: nothing between the test and the bytes the server sends. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicInteger IDS = new AtomicInteger();

    private Http() {
    }

    static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
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
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + method + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
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

    /** Polls until the answer satisfies the condition, or fails with the last answer. */
    static HttpResponse<String> await(URI uri, Duration timeout, Predicate<HttpResponse<String>> condition) {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        String failure = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(uri);
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(uri + " not as expected after " + timeout + ": "
                + (last == null ? failure : last.statusCode() + " " + last.body()));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
