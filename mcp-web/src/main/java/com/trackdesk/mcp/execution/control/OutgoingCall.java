package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamRequest;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The upstream request the current thread is sending, for {@link TargetFilter} to address it and attach the caller's
 * key. A rest client call is synchronous (no {@code @Asynchronous}, no {@code @Timeout} hop), so the filter runs on
 * the thread that set it; it is cleared when the call returns, so nothing outlives the call. The answer is read and
 * closed inside the same scope, so {@link UnreadAnswerClosing} can tell an answer left unread on purpose.
 */
final class OutgoingCall {

    /** The request and the base URL of its tenant's API; whether its answer is left unread is marked as it is read. */
    static final class Call {
        private final URI base;
        private final UpstreamRequest request;
        private boolean answerLeftUnread;

        Call(URI base, UpstreamRequest request) {
            this.base = base;
            this.request = request;
        }

        URI base() {
            return base;
        }

        UpstreamRequest request() {
            return request;
        }
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

    /** Marks the answer of the current call as not read to its end on purpose: its connection is not to be reused. */
    static void leaveAnswerUnread() {
        current().answerLeftUnread = true;
    }

    /** @return whether the current call's answer was left unread on purpose; false outside a call */
    static boolean answerLeftUnread() {
        Call call = CURRENT.get();
        return call != null && call.answerLeftUnread;
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
