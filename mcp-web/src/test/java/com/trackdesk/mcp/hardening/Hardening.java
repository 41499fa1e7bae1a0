package com.trackdesk.mcp.hardening;

import com.trackdesk.mcp.it.SharedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Shared helpers of the hardening tests: raw HTTP with a hard timeout per request, recognisable
 * tokens, and a look into the shared Payara Micro process (pid, jcmd, thread and heap numbers).
 */
final class Hardening {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Java class names of exceptions and stack frames: never in an answer. */
    static final Pattern INTERNALS = Pattern.compile(
            "(\\bat (com|org|java|jdk|sun|io|tools|reactor|jakarta)\\.[\\w$.]+\\()"
                    + "|((java|javax|jakarta|com|org|io|tools|reactor|sun|jdk)\\.[a-z][\\w$]*(\\.[\\w$]+)*\\.[A-Z][\\w$]*(Exception|Error)\\b)"
                    + "|(\\b[A-Z][A-Za-z]*(Exception|Error)\\b(?<!isError))");

    private Hardening() {
    }

    static SharedServer server() {
        return SharedServer.get();
    }

    /** A token nobody else sends, easy to find in any output. */
    static String token(String purpose) {
        return "tok-LEAKCHECK-" + purpose + "-" + UUID.randomUUID();
    }

    static HttpResponse<String> post(String body, Map<String, String> headers) {
        return post(server().mcpUri(), body, headers);
    }

    static HttpResponse<String> post(URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    static HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String toolCall(String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}";
    }

    /**
     * The Payara Micro that SharedServer started: the child process of this JVM that runs payara-micro on the
     * shared server's port (other ITs may have Payara processes of their own).
     */
    static ProcessHandle payara() {
        String port = "--port " + server().baseUri().getPort();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains(port)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro child process on " + port));
    }

    static String jcmd(long pid, String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not finish");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String readLog() {
        try {
            return Files.readString(server().logFile(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long logLength() {
        try {
            return Files.size(server().logFile());
        } catch (IOException e) {
            return 0;
        }
    }
}
