package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.TransientUpstreamStatus;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Retry;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one request to the tenant's API under MicroProfile Fault Tolerance.
 * Idempotent operations are retried with backoff and jitter on network failures and on 502/503/504;
 * others are sent exactly once, since repeating them could create things twice.
 * Every attempt draws on the call's {@link CallBudget}: no retry starts unless a whole read timeout still fits
 * into what is left, so retries never push the answer past the budget.
 * The rest client's own connect/read timeouts bound blocking I/O. There is deliberately no {@code @Timeout}:
 * a synchronous timeout cannot interrupt blocking I/O, and Payara schedules one task per call for it that
 * keeps the call's arguments, the caller's API key among them, reachable for the whole timeout (60 s) after
 * the call has returned (found by TokenSecrecyIT's heap dump; under load it is also 60 s of garbage).
 * Annotation values can be tuned through MicroProfile Config, e.g.
 * {@code com.trackdesk.mcp.execution.control.UpstreamCaller/sendIdempotent/Retry/maxRetries=0}.
 * There is no {@code @Bulkhead} either: a synchronous MicroProfile bulkhead has no waiting line, so it refused every
 * call past its bound at once; the calls in flight per instance are bounded, with a line, by
 * {@link TenantConcurrencyLimit} ({@code MCP_INSTANCE_CONCURRENCY}).
 */
@ApplicationScoped
public class UpstreamCaller {

    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);

    @Inject
    UpstreamClients clients;

    /** Reads each answer, at most MCP_MAX_UPSTREAM_BYTES of it. */
    @Inject
    AnswerReader answers;

    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {TransientUpstreamStatus.class, UpstreamFailure.class},
            abortOn = UnretryableFailure.class)
    public UpstreamResponse sendIdempotent(UpstreamRequest request, CallBudget budget) {
        UpstreamResponse response;
        try {
            response = send(request, budget);
        } catch (UpstreamFailure failure) {
            if (!budget.allowsAnotherAttempt()) {
                throw new NoMoreAttempts(failure);
            }
            throw failure;
        }
        if (TRANSIENT.contains(response.status()) && budget.allowsAnotherAttempt()) {
            throw new TransientUpstreamStatus(response);
        }
        return response;
    }

    public UpstreamResponse sendOnce(UpstreamRequest request, CallBudget budget) {
        return send(request, budget);
    }

    UpstreamResponse send(UpstreamRequest request, CallBudget budget) {
        String body = request.jsonBody().orElse(null);
        budget.attemptStarted();
        try {
            // the answer is read and closed inside the call's scope, where UnreadAnswerClosing can see it was left unread
            return clients.calling(request, api -> {
                try (Response response = switch (request.method()) {
                    case "GET" -> api.get();
                    case "HEAD" -> api.head();
                    case "DELETE" -> api.delete();
                    case "POST" -> api.post(body);
                    case "PUT" -> api.put(body);
                    case "PATCH" -> api.patch(body);
                    default -> throw new UnretryableFailure("HTTP method " + request.method() + " is not supported");
                }) {
                    return answerOf(response, request, budget);
                }
            });
        } catch (ProcessingException e) {
            throw describe(e, request);
        }
    }

    private UpstreamResponse answerOf(Response response, UpstreamRequest request, CallBudget budget) {
        Optional<String> text;
        try {
            // waiting for room to read may take what the budget leaves, no more
            text = answers.read(response, System.nanoTime() + budget.remaining().toNanos());
        } catch (AnswerReader.NoRoom busy) {
            OutgoingCall.leaveAnswerUnread();
            // the upstream answered: asking it again would not make room sooner than waiting did
            throw new NoMoreAttempts(new UpstreamFailure(UpstreamFailure.Kind.NO_ROOM_TO_READ, "Busy: this MCP"
                    + " server is reading as many upstream answers at once as it holds ("
                    + String.format(Locale.ROOT, "%,d", answers.roomForAllAnswers()) + " bytes, all Trackdesk programs"
                    + " together), and the answer of the Trackdesk API of '" + request.tenant() + "' waited "
                    + CallBudget.inWords(busy.waited()) + " for room; it was not read. Retry in a few seconds; smaller pages"
                    + " need less room."));
        }
        if (text.isEmpty()) {
            OutgoingCall.leaveAnswerUnread();
            // the upstream answered: asking again would bring the same answer, so it ends the attempts
            throw new NoMoreAttempts(new UpstreamFailure(UpstreamFailure.Kind.ANSWER_TOO_LARGE,
                    "The Trackdesk API of '" + request.tenant() + "' answered with more than "
                            + String.format(Locale.ROOT, "%,d", answers.maxBytes()) + " bytes, the most this MCP server"
                            + " reads of one answer; it was not read further. Ask for less: a smaller page, a narrower"
                            + " date range or fewer items at a time."));
        }
        String contentType = response.getMediaType() == null ? "" : response.getMediaType().toString();
        return new UpstreamResponse(response.getStatus(), contentType, text.get(), retryAfter(response));
    }

    private static Optional<Duration> retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            // a negative delay is no delay to wait out; Thread.sleep would throw on it
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    /**
     * Network trouble in words an assistant can act on; never the exception text (it may hold URLs or headers).
     * The whole cause chain is read first: the JDK's HTTP client wraps an unknown host in a connect failure.
     */
    static RuntimeException describe(ProcessingException e, UpstreamRequest request) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = e.getCause(); cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        if (causes.stream().anyMatch(c -> c instanceof SocketTimeoutException || c instanceof HttpTimeoutException)) {
            return new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT,
                    "The Trackdesk API of '" + request.tenant() + "' did not answer in time.");
        }
        if (causes.stream().anyMatch(c -> c instanceof UnknownHostException || c instanceof UnresolvedAddressException)) {
            return new UpstreamFailure(UpstreamFailure.Kind.UNKNOWN_HOST,
                    "The Trackdesk program '" + request.tenant() + "' could not be found (unknown host): check the subdomain in the MCP server URL.");
        }
        if (causes.stream().anyMatch(c -> c instanceof SSLException)) {
            return new UpstreamFailure(UpstreamFailure.Kind.TLS,
                    "A secure (TLS) connection to the Trackdesk API of '" + request.tenant() + "' could not be established.");
        }
        if (causes.stream().anyMatch(c -> c instanceof ConnectException)) {
            return new UpstreamFailure(UpstreamFailure.Kind.CONNECTION_REFUSED,
                    "Could not connect to the Trackdesk API of '" + request.tenant() + "' (connection refused).");
        }
        return new UpstreamFailure(UpstreamFailure.Kind.NETWORK,
                "The call to the Trackdesk API of '" + request.tenant() + "' failed on the network.");
    }

    /** A failure that retrying cannot fix. */
    static class UnretryableFailure extends RuntimeException {
        UnretryableFailure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Ends the retries with the last attempt's failure: the call's budget has no room for another attempt, or another
     * could not end differently (an answer too large to read).
     */
    static final class NoMoreAttempts extends UnretryableFailure {
        private final UpstreamFailure lastFailure;

        NoMoreAttempts(UpstreamFailure lastFailure) {
            super(lastFailure.getMessage());
            this.lastFailure = lastFailure;
        }

        UpstreamFailure lastFailure() {
            return lastFailure;
        }
    }
}
