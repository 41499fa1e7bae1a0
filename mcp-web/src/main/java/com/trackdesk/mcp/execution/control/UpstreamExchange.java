package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.TransientUpstreamStatus;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.time.Duration;
import java.util.Optional;

/**
 * Sends one upstream request with every protection in place: the tenant's circuit breaker and
 * concurrency bound, retries for idempotent operations ({@link UpstreamCaller}), and one wait for a
 * 429's Retry-After when it is short enough ({@code MCP_MAX_RETRY_AFTER_SECONDS}) — all inside one
 * time budget per call ({@code MCP_CALL_TIMEOUT_SECONDS}), so the answer arrives before the client's own
 * timeout and says how long it waited.
 */
@ApplicationScoped
public class UpstreamExchange {

    @Inject
    UpstreamCaller caller;
    @Inject
    TenantCircuitBreakers breakers;
    @Inject
    TenantConcurrencyLimit concurrency;

    @Inject
    @ConfigProperty(name = "MCP_MAX_RETRY_AFTER_SECONDS", defaultValue = "5")
    long maxRetryAfterSeconds;

    @Inject
    @ConfigProperty(name = "MCP_CALL_TIMEOUT_SECONDS", defaultValue = "25")
    long callTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "MCP_UPSTREAM_TIMEOUT_MS", defaultValue = "30000")
    long readTimeoutMillis;

    /** A budget of zero would refuse every call: said once at deployment, naming the setting, instead. */
    @PostConstruct
    void checkSettings() {
        if (callTimeoutSeconds <= 0) {
            throw new IllegalStateException("MCP_CALL_TIMEOUT_SECONDS must be a positive number of seconds, was "
                    + callTimeoutSeconds);
        }
    }

    public UpstreamResponse send(UpstreamRequest request) {
        CallBudget budget = CallBudget.startingNow(Duration.ofSeconds(callTimeoutSeconds), Duration.ofMillis(readTimeoutMillis));
        Optional<Duration> open = breakers.refusal(request.tenant());
        if (open.isPresent()) {
            throw new UpstreamFailure(UpstreamFailure.Kind.BREAKER_OPEN, "The Trackdesk API of '" + request.tenant()
                    + "' failed repeatedly, so calls to it are paused for " + Math.max(1, open.get().toSeconds())
                    + " s to let it recover. Try again after that.");
        }
        return concurrency.within(request.tenant(), budget, () -> {
            try {
                UpstreamResponse response = honourShortRetryAfter(request, budget, attempt(request, budget));
                if (response.status() >= 500) {
                    breakers.failed(request.tenant());
                } else {
                    breakers.succeeded(request.tenant());
                }
                return response;
            } catch (UpstreamFailure failure) {
                if (failure.kind() == UpstreamFailure.Kind.OVERLOADED) {
                    // this instance refused the call (its own bulkhead): the tenant's API was not even asked
                    breakers.notAttempted(request.tenant());
                } else {
                    breakers.failed(request.tenant());
                }
                throw failure;
            }
        });
    }

    private UpstreamResponse attempt(UpstreamRequest request, CallBudget budget) {
        try {
            return request.idempotent() ? caller.sendIdempotent(request, budget) : caller.sendOnce(request, budget);
        } catch (TransientUpstreamStatus e) {
            return e.response();
        } catch (UpstreamCaller.BudgetSpent e) {
            throw withWaitingTime(e.lastFailure(), request, budget);
        } catch (UpstreamFailure e) {
            throw withWaitingTime(e, request, budget);
        } catch (BulkheadException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.OVERLOADED,
                    "This MCP server is handling too many upstream calls right now: slow down and retry in a moment.");
        } catch (FaultToleranceException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "The Trackdesk API of '" + request.tenant()
                    + "' did not answer in time; try again, or ask for less data.");
        }
    }

    /** A timeout says how long the server waited and how often it tried; other failures speak for themselves. */
    private static UpstreamFailure withWaitingTime(UpstreamFailure failure, UpstreamRequest request, CallBudget budget) {
        if (failure.kind() != UpstreamFailure.Kind.TIMEOUT) {
            return failure;
        }
        return new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "The Trackdesk API of '" + request.tenant()
                + "' did not answer in time (" + budget.describeWaiting() + "). Try again later, or ask for less data"
                + " (a smaller page or a narrower date range).");
    }

    private UpstreamResponse honourShortRetryAfter(UpstreamRequest request, CallBudget budget, UpstreamResponse response) {
        if (response.status() != 429 || !request.idempotent() || response.retryAfter().isEmpty()
                || response.retryAfter().get().toSeconds() > maxRetryAfterSeconds
                || !budget.allowsWaiting(response.retryAfter().get())) {
            return response;
        }
        try {
            Thread.sleep(response.retryAfter().get().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response;
        }
        return attempt(request, budget);
    }
}
