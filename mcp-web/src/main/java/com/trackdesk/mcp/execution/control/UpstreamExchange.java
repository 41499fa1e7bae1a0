package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.TransientUpstreamStatus;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
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
 * 429's Retry-After when it is short enough ({@code MCP_MAX_RETRY_AFTER_SECONDS}).
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

    public UpstreamResponse send(UpstreamRequest request) {
        Optional<Duration> open = breakers.refusal(request.tenant());
        if (open.isPresent()) {
            throw new UpstreamFailure(UpstreamFailure.Kind.BREAKER_OPEN, "The Trackdesk API of '" + request.tenant()
                    + "' failed repeatedly, so calls to it are paused for " + Math.max(1, open.get().toSeconds())
                    + " s to let it recover. Try again after that.");
        }
        return concurrency.within(request.tenant(), () -> {
            try {
                UpstreamResponse response = honourShortRetryAfter(request, attempt(request));
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

    private UpstreamResponse attempt(UpstreamRequest request) {
        try {
            return request.idempotent() ? caller.sendIdempotent(request) : caller.sendOnce(request);
        } catch (TransientUpstreamStatus e) {
            return e.response();
        } catch (BulkheadException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.OVERLOADED,
                    "This MCP server is handling too many upstream calls right now: slow down and retry in a moment.");
        } catch (FaultToleranceException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "The Trackdesk API of '" + request.tenant()
                    + "' did not answer in time; try again, or ask for less data.");
        }
    }

    private UpstreamResponse honourShortRetryAfter(UpstreamRequest request, UpstreamResponse response) {
        if (response.status() != 429 || !request.idempotent() || response.retryAfter().isEmpty()
                || response.retryAfter().get().toSeconds() > maxRetryAfterSeconds) {
            return response;
        }
        try {
            Thread.sleep(response.retryAfter().get().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response;
        }
        return attempt(request);
    }
}
