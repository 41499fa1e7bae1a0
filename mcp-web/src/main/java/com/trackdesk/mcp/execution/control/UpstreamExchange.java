package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.TransientUpstreamStatus;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends one upstream request with every protection in place: the tenant's circuit breaker, the bounds of calls in
 * flight per tenant and per instance (a call past them waits in line for its turn, {@link TenantConcurrencyLimit}),
 * retries for idempotent operations ({@link UpstreamCaller}), and one wait for a
 * 429's Retry-After when it is short enough ({@code MCP_MAX_RETRY_AFTER_SECONDS}), and room for the answer among
 * the answers all calls hold ({@link AnswerBytes}) until it has been used — all inside one
 * time budget per call ({@link CallBudgets}), so the answer arrives before the client's own
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

    /** Owns the call's deadline and the per-attempt limit. */
    @Inject
    CallBudgets budgets;

    /** Room for the answers of all calls together: the answer's bytes stay counted while {@code use} runs. */
    @Inject
    AnswerBytes answerBytes;

    @Inject
    @ConfigProperty(name = "MCP_MAX_RETRY_AFTER_SECONDS", defaultValue = "5")
    long maxRetryAfterSeconds;

    /** A negative longest wait is meaningless: said once at deployment, naming the setting. */
    @PostConstruct
    void checkSettings() {
        SettingRules.notNegative("MCP_MAX_RETRY_AFTER_SECONDS", maxRetryAfterSeconds, "seconds");
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /**
     * Sends the request and hands its answer to {@code use} (which parses and shapes it) while the answer's bytes are
     * still counted among those this instance holds ({@code MCP_INSTANCE_ANSWER_BYTES}); what {@code use} returns
     * should no longer need the whole answer.
     */
    public <T> T send(UpstreamRequest request, Function<UpstreamResponse, T> use) {
        return answerBytes.whileUsing(() -> use.apply(send(request)));
    }

    private UpstreamResponse send(UpstreamRequest request) {
        CallBudget budget = budgets.startingNow();
        Optional<Duration> open = breakers.refusal(request.tenant());
        if (open.isPresent()) {
            throw new UpstreamFailure(UpstreamFailure.Kind.BREAKER_OPEN, "The Trackdesk API of '" + request.tenant()
                    + "' failed repeatedly, so calls to it are paused for " + Math.max(1, open.get().toSeconds())
                    + " s to let it recover. Try again after that.");
        }
        try {
            return concurrency.within(request.tenant(), budget, () -> exchange(request, budget));
        } catch (UpstreamFailure failure) {
            if (failure.kind() == UpstreamFailure.Kind.OVERLOADED) {
                // no turn in line (the only refusal of that kind): the tenant's API was not even asked, and a trial
                // call the breaker allowed must be given back
                breakers.notAttempted(request.tenant());
            }
            throw failure;
        }
    }

    /** The call once it has its turn: its outcome is what the tenant's breaker counts. */
    private UpstreamResponse exchange(UpstreamRequest request, CallBudget budget) {
        try {
            UpstreamResponse response = honourShortRetryAfter(request, budget, attempt(request, budget));
            if (response.status() >= 500) {
                breakers.failed(request.tenant());
            } else {
                breakers.succeeded(request.tenant());
            }
            return response;
        } catch (UpstreamFailure failure) {
            if (failure.kind() == UpstreamFailure.Kind.ANSWER_TOO_LARGE
                    || failure.kind() == UpstreamFailure.Kind.NO_ROOM_TO_READ) {
                // the tenant's API answered; the ask was too big, or this server had no room for the answer
                breakers.succeeded(request.tenant());
            } else {
                breakers.failed(request.tenant());
            }
            throw failure;
        }
    }

    private UpstreamResponse attempt(UpstreamRequest request, CallBudget budget) {
        try {
            return request.idempotent() ? caller.sendIdempotent(request, budget) : caller.sendOnce(request, budget);
        } catch (TransientUpstreamStatus e) {
            return e.response();
        } catch (UpstreamCaller.NoMoreAttempts e) {
            throw withWaitingTime(e.lastFailure(), request, budget);
        } catch (UpstreamFailure e) {
            throw withWaitingTime(e, request, budget);
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
