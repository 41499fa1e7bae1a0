package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
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
 *
 * <p>Each event is a JAX-RS {@link OutboundSseEvent} built by {@link Sse} and framed by the runtime's own
 * {@code text/event-stream} writer. Not an {@code SseEventSink}: a resource method that takes a sink cannot
 * return a {@code Response} (Jersey ignores it), and {@code POST /mcp} decides between this stream, a JSON
 * answer, 202 and a 4xx only after reading the body.
 */
public final class ProgressStream implements StreamingOutput {

    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final Mono<McpSchema.JSONRPCResponse> answer;
    private final Object progressToken;
    private final Duration interval;
    private final McpJsonMapper json;
    private final Executor worker;
    private final Sse sse;
    private final Providers providers;

    /**
     * @param worker    the container's managed executor: the tool runs with the application's context, on threads the server owns
     * @param sse       builds the events
     * @param providers finds the runtime's writer of {@code text/event-stream}
     */
    public ProgressStream(Mono<McpSchema.JSONRPCResponse> answer, Object progressToken, Duration interval,
                          McpJsonMapper json, Executor worker, Sse sse, Providers providers) {
        this.answer = answer;
        this.worker = worker;
        this.progressToken = progressToken;
        this.interval = interval;
        this.json = json;
        this.sse = sse;
        this.providers = providers;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        // the tool runs on a worker so this thread is free to report progress
        CompletableFuture<McpSchema.JSONRPCResponse> pending = answer.subscribeOn(Schedulers.fromExecutor(worker)).toFuture();
        int ticks = 0;
        while (true) {
            try {
                McpSchema.JSONRPCResponse response = pending.get(interval.toMillis(), TimeUnit.MILLISECONDS);
                send(out, message(response));
                return;
            } catch (TimeoutException stillWorking) {
                ticks++;
                send(out, message(progress(ticks)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(true);
                return;
            } catch (ExecutionException e) {
                throw new IOException("request failed while streaming progress", e);
            }
        }
    }

    /** Streamable HTTP sends every JSON-RPC message as an event named "message", its data the message's JSON. */
    private OutboundSseEvent message(Object jsonRpcMessage) throws IOException {
        return sse.newEventBuilder()
                .name("message")
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, json.writeValueAsString(jsonRpcMessage))
                .build();
    }

    private Map<String, Object> progress(int ticks) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("progressToken", progressToken);
        params.put("progress", ticks);
        params.put("message", "Waiting for the Trackdesk API (" + ticks * interval.toSeconds() + " s so far)");
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        notification.put("method", McpSchema.METHOD_NOTIFICATION_PROGRESS);
        notification.put("params", params);
        return notification;
    }

    /** Written and flushed at once: the client must see each event when it happens, not when the stream ends. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(OutputStream out, OutboundSseEvent event) throws IOException {
        Class<? extends OutboundSseEvent> type = event.getClass();
        MessageBodyWriter writer = providers.getMessageBodyWriter(type, type, NO_ANNOTATIONS, MediaType.SERVER_SENT_EVENTS_TYPE);
        if (writer == null) {
            throw new IOException("The JAX-RS runtime has no writer for " + MediaType.SERVER_SENT_EVENTS);
        }
        writer.writeTo(event, type, type, NO_ANNOTATIONS, MediaType.SERVER_SENT_EVENTS_TYPE, new MultivaluedHashMap<>(), out);
        out.flush();
    }
}
