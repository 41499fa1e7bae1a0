package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How one upstream exchange ends, seen without the container: the fault-tolerance interceptors are not
 * active here, so the caller below plays the attempts the interceptor would make.
 */
class UpstreamExchangeTest {

    static final Tenant ACME = new Tenant("acme");
    static final UpstreamRequest READ = new UpstreamRequest(ACME, "GET", "/api/node/tags/v1", Optional.empty(), "k", true);

    /** Answers from a script, one per attempt; each attempt takes from the call's budget like a real one. */
    static final class ScriptedCaller extends UpstreamCaller {
        final Deque<Object> script = new ArrayDeque<>();
        int attempts;

        ScriptedCaller then(Object answerOrFailure) {
            script.add(answerOrFailure);
            return this;
        }

        @Override
        public UpstreamResponse sendIdempotent(UpstreamRequest request, CallBudget budget) {
            return sendOnce(request, budget);
        }

        @Override
        public UpstreamResponse sendOnce(UpstreamRequest request, CallBudget budget) {
            attempts++;
            budget.attemptStarted();
            Object next = script.poll();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (UpstreamResponse) next;
        }
    }

    final ScriptedCaller caller = new ScriptedCaller();
    final UpstreamExchange exchange = ExecutionParts.exchange(caller, 4, 0, 2, new CallBudgets(25, 1_000));

    static UpstreamResponse status(int status, Duration retryAfter) {
        return new UpstreamResponse(status, "application/json", "{}", Optional.ofNullable(retryAfter));
    }

    @Test
    void aNegativeLongestRetryAfterIsRefusedAtDeploymentNamingTheSetting() {
        exchange.maxRetryAfterSeconds = -1;
        assertThatThrownBy(exchange::checkSettings)
                .hasMessage("MCP_MAX_RETRY_AFTER_SECONDS must be zero or a positive number of seconds, was -1");
    }

    @Test
    void aTimeoutSaysHowLongTheServerWaitedAndHowOftenItTried() {
        caller.then(new UpstreamCaller.NoMoreAttempts(new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "late")));

        assertThatThrownBy(() -> exchange.send(READ, answer -> answer)).isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.TIMEOUT);
            assertThat(failure.getMessage()).contains("did not answer in time").contains("over 1 attempt")
                    .contains("acme").contains("narrower date range");
        });
    }

    @Test
    void anAnswerTooLargeToReadIsSaidOnceAndIsNoFailureOfTheTenantsApi() {
        for (int i = 0; i < 6; i++) {
            caller.then(new UpstreamCaller.NoMoreAttempts(new UpstreamFailure(UpstreamFailure.Kind.ANSWER_TOO_LARGE,
                    "answered with more than 1,048,576 bytes")));
        }

        // more answers too large than the breaker's threshold of failures (5)
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> exchange.send(READ, answer -> answer)).isInstanceOfSatisfying(UpstreamFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.ANSWER_TOO_LARGE));
        }
        assertThat(caller.attempts).as("one attempt per call").isEqualTo(6);
        assertThat(exchange.breakers.refusal(ACME)).as("the API answered: its breaker stays closed").isEmpty();
    }

    @Test
    void otherNetworkFailuresKeepTheirOwnWords() {
        caller.then(new UpstreamFailure(UpstreamFailure.Kind.CONNECTION_REFUSED, "connection refused"));

        assertThatThrownBy(() -> exchange.send(READ, answer -> answer)).hasMessage("connection refused");
    }

    @Test
    void aShortRetryAfterIsWaitedOutOnceWhenTheBudgetAllows() {
        caller.then(status(429, Duration.ofMillis(10))).then(status(200, null));

        assertThat(exchange.send(READ, answer -> answer).status()).isEqualTo(200);
        assertThat(caller.attempts).isEqualTo(2);
    }

    @Test
    void aRetryAfterThatWouldLeaveNoRoomForTheRetryIsReportedNotWaited() {
        exchange.budgets = new CallBudgets(3, 1_000);
        exchange.maxRetryAfterSeconds = 5;
        caller.then(status(429, Duration.ofSeconds(2))).then(status(200, null));

        assertThat(exchange.send(READ, answer -> answer).status()).isEqualTo(429);
        assertThat(caller.attempts).isEqualTo(1);
    }

    /** An upstream that answers only once released, counting the calls that reach it and how many at once. */
    static final class LatchedUpstream extends UpstreamCaller {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        @Override
        public UpstreamResponse sendIdempotent(UpstreamRequest request, CallBudget budget) {
            return sendOnce(request, budget);
        }

        @Override
        public UpstreamResponse sendOnce(UpstreamRequest request, CallBudget budget) {
            budget.attemptStarted();
            calls.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                return status(200, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    static final long PATIENCE_SECONDS = 30;
    static final UpstreamRequest WRITE = new UpstreamRequest(ACME, "POST", "/api/node/tags/v1", Optional.of("{}"), "k", false);

    /**
     * Issue 17: with an attempt as long as the whole call (the former default of 30 s, cut to the 25 s budget) a call
     * past the tenant's bound had no time to wait, and 48,159 of 81,290 calls at 256 concurrent were refused.
     */
    @Test
    void withTheDefaultSettingsACallPastTheBoundWaitsItsWholeQueueTimeAndStillHasAWholeAttempt() {
        UpstreamExchange defaults = ExecutionParts.exchange(new LatchedUpstream());

        assertThat(defaults.concurrency.longestWaitForATurn()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.budgets.perAttempt().plus(Duration.ofSeconds(10))).as("wait + attempt fit the budget")
                .isLessThanOrEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aBurstOfTwiceTheTenantsBoundWaitsInLineAndIsServedWholeOnceTheUpstreamAnswers() throws Exception {
        LatchedUpstream upstream = new LatchedUpstream();
        // the default bound of 16 per tenant; a line and a budget no busy test machine can outlast
        UpstreamExchange defaults = ExecutionParts.exchange(upstream, 16, 600_000, 5, new CallBudgets(1_200, 15_000));
        int bound = defaults.concurrency.permitsPerTenant;
        int burst = 2 * bound;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        try {
            List<Future<UpstreamResponse>> calls = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                // half of them change data: those must still reach the upstream exactly once
                UpstreamRequest request = i % 2 == 0 ? READ : WRITE;
                calls.add(pool.submit(() -> defaults.send(request, answer -> answer)));
            }
            TenantConcurrencyLimitTest.eventually(() -> upstream.inFlight.get() == bound
                    && defaults.concurrency.waiting(ACME) == burst - bound);

            upstream.release.countDown();

            for (Future<UpstreamResponse> call : calls) {
                assertThat(call.get(PATIENCE_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstream.calls).as("every call reached the upstream once").hasValue(burst);
        assertThat(upstream.mostInFlight).as("never more than the tenant's bound at once").hasValue(bound);
    }

    @Test
    void aCallThatGetsNoTurnInTimeIsRefusedAsBusyWithoutCountingAgainstTheTenantsApi() throws Exception {
        LatchedUpstream upstream = new LatchedUpstream();
        UpstreamExchange oneSlot = ExecutionParts.exchange(upstream, 1, 50, 2, new CallBudgets(25, 1_000));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<UpstreamResponse> holder = pool.submit(() -> oneSlot.send(READ, answer -> answer));
            TenantConcurrencyLimitTest.eventually(() -> upstream.inFlight.get() == 1);
            // more refusals than the breaker's threshold of failures (5)
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> oneSlot.send(READ, answer -> answer)).isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.OVERLOADED);
                    assertThat(failure.getMessage()).startsWith("Busy: 1 calls of the Trackdesk program 'acme' are in flight")
                            .containsPattern("retry in \\d+ s\\.$");
                });
            }
            upstream.release.countDown();
            assertThat(holder.get(PATIENCE_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstream.calls).as("refused calls never reach the upstream").hasValue(1);
        assertThat(oneSlot.breakers.refusal(ACME)).as("a busy server is no failure of the tenant's API").isEmpty();
    }

}
