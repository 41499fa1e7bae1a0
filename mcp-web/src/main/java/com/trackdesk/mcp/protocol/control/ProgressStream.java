package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.ws.rs.core.StreamingOutput;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers one request as a short Server-Sent Events stream: while the answer is being worked out,
 * a {@code notifications/progress} event for the client's progress token every interval, then the
 * JSON-RPC response as the last event. Used only when the client sent a progress token and
 * accepts {@code text/event-stream}; everything else gets a plain JSON answer.
 */
public final class ProgressStream implements StreamingOutput {

    private final Mono<McpSchema.JSONRPCResponse> answer;
    private final Object progressToken;
    private final Duration interval;
    private final McpJsonMapper json;
    private final Executor worker;

    /** @param worker the container's managed executor: the tool runs with the application's context, on threads the server owns */
    public ProgressStream(Mono<McpSchema.JSONRPCResponse> answer, Object progressToken, Duration interval,
                          McpJsonMapper json, Executor worker) {
        this.answer = answer;
        this.worker = worker;
        this.progressToken = progressToken;
        this.interval = interval;
        this.json = json;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        // the tool runs on a worker so this thread is free to report progress
        CompletableFuture<McpSchema.JSONRPCResponse> pending = answer.subscribeOn(Schedulers.fromExecutor(worker)).toFuture();
        int ticks = 0;
        while (true) {
            try {
                McpSchema.JSONRPCResponse response = pending.get(interval.toMillis(), TimeUnit.MILLISECONDS);
                event(out, json.writeValueAsString(response));
                return;
            } catch (TimeoutException stillWorking) {
                ticks++;
                event(out, json.writeValueAsString(progress(ticks)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(true);
                return;
            } catch (ExecutionException e) {
                throw new IOException("request failed while streaming progress", e);
            }
        }
    }

    private Map<String, Object> progress(int ticks) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("progressToken", progressToken);
        params.put("progress", ticks);
        params.put("message", "Waiting for the Trackdesk API (" + ticks * interval.toSeconds() + " s so far)");
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("jsonrpc", "2.0");
        notification.put("method", "notifications/progress");
        notification.put("params", params);
        return notification;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("event: message\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
