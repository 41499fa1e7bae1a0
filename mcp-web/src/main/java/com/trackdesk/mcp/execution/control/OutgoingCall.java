package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamRequest;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The upstream request the current thread is sending, for {@link TargetFilter} to address it and attach the caller's
 * key. A rest client call is synchronous (no {@code @Asynchronous}, no {@code @Timeout} hop), so the filter runs on
 * the thread that set it; it is cleared when the call returns, so nothing outlives the call.
 */
final class OutgoingCall {

    /** The request and the base URL of its tenant's API. */
    record Call(URI base, UpstreamRequest request) {
    }

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private OutgoingCall() {
    }

    static <T> T sending(URI base, UpstreamRequest request, Supplier<T> call) {
        CURRENT.set(new Call(base, request));
        try {
            return call.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** @throws IllegalStateException when a request is sent outside {@link #sending}: it would go without a key */
    static Call current() {
        Call request = CURRENT.get();
        if (request == null) {
            throw new IllegalStateException("an upstream request was sent outside OutgoingCall.sending");
        }
        return request;
    }
}
