package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

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
        caller.then(new UpstreamCaller.BudgetSpent(new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "late")));

        assertThatThrownBy(() -> exchange.send(READ)).isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.TIMEOUT);
            assertThat(failure.getMessage()).contains("did not answer in time").contains("over 1 attempt")
                    .contains("acme").contains("narrower date range");
        });
    }

    @Test
    void otherNetworkFailuresKeepTheirOwnWords() {
        caller.then(new UpstreamFailure(UpstreamFailure.Kind.CONNECTION_REFUSED, "connection refused"));

        assertThatThrownBy(() -> exchange.send(READ)).hasMessage("connection refused");
    }

    @Test
    void aShortRetryAfterIsWaitedOutOnceWhenTheBudgetAllows() {
        caller.then(status(429, Duration.ofMillis(10))).then(status(200, null));

        assertThat(exchange.send(READ).status()).isEqualTo(200);
        assertThat(caller.attempts).isEqualTo(2);
    }

    @Test
    void aRetryAfterThatWouldLeaveNoRoomForTheRetryIsReportedNotWaited() {
        exchange.budgets = new CallBudgets(3, 1_000);
        exchange.maxRetryAfterSeconds = 5;
        caller.then(status(429, Duration.ofSeconds(2))).then(status(200, null));

        assertThat(exchange.send(READ).status()).isEqualTo(429);
        assertThat(caller.attempts).isEqualTo(1);
    }
}
