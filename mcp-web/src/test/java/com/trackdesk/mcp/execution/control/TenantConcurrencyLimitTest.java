package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls past a bound — the tenant's or the instance's — wait in line for a slot, first come first served, and
 * are refused as "busy", with a hint when to retry, only when no slot came within the queue time or the budget.
 */
class TenantConcurrencyLimitTest {

    static final Tenant ACME = new Tenant("acme");
    static final Tenant GLOBEX = new Tenant("globex");
    /** Generous: the bound of every wait for another thread, never reached unless a test is broken. */
    static final long PATIENCE_SECONDS = 30;

    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A limit as CDI makes it, settings checked; one attempt takes at most 1 s of a 60 s budget. */
    static TenantConcurrencyLimit limit(int perTenant, int perInstance, long queueMillis) {
        return limit(perTenant, perInstance, queueMillis, new CallBudgets(60, 1_000));
    }

    static TenantConcurrencyLimit limit(int perTenant, int perInstance, long queueMillis, CallBudgets budgets) {
        TenantConcurrencyLimit limit = new TenantConcurrencyLimit();
        limit.permitsPerTenant = perTenant;
        limit.permitsPerInstance = perInstance;
        limit.queueMillis = queueMillis;
        limit.budgets = budgets;
        limit.checkSettings();
        return limit;
    }

    TenantConcurrencyLimit limit = limit(1, 128, 60_000);

    /** Occupies a slot of the tenant until {@code release} opens. */
    Future<String> holdASlot(Tenant tenant, CountDownLatch entered, CountDownLatch release) {
        return pool.submit(() -> limit.within(tenant, limit.budgets.startingNow(), () -> {
            entered.countDown();
            await(release);
            return "held";
        }));
    }

    Future<String> call(Tenant tenant, String answer) {
        return pool.submit(() -> limit.within(tenant, limit.budgets.startingNow(), () -> answer));
    }

    @Test
    void aCallPastTheBoundGetsTheSlotOnceItFreesUp() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = holdASlot(ACME, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

        Future<String> second = call(ACME, "second");
        eventually(() -> limit.waiting(ACME) == 1);
        release.countDown();

        assertThat(first.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(second.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void theLineIsFirstComeFirstServed() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdASlot(ACME, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        List<Future<Boolean>> line = new ArrayList<>();
        for (String name : List.of("first in line", "second in line", "third in line", "fourth in line")) {
            int ahead = line.size();
            line.add(pool.submit(() -> limit.within(ACME, limit.budgets.startingNow(), () -> served.add(name))));
            // the next one joins only once this one stands in line
            eventually(() -> limit.waiting(ACME) == ahead + 1);
        }

        release.countDown();
        for (Future<Boolean> call : line) {
            call.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(served).containsExactly("first in line", "second in line", "third in line", "fourth in line");
    }

    @Test
    void aCallThatGetsNoTurnWithinTheQueueTimeIsRefusedAsBusyWithAHintWhenToRetry() throws Exception {
        limit = limit(1, 128, 50);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdASlot(ACME, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> limit.within(ACME, limit.budgets.startingNow(), () -> "never"))
                    .isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.OVERLOADED);
                        assertThat(failure.getMessage())
                                .startsWith("Busy: 1 calls of the Trackdesk program 'acme' are in flight")
                                .containsPattern("this call waited \\d+ (ms|s) for its turn")
                                // no call has finished yet: the slot is free at the latest when its attempt (1 s) ends
                                .endsWith("retry in 1 s.");
                    });
            assertThat(limit.waiting(ACME)).as("the refused call has left the line").isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aQueuedCallGivesUpItsPlaceWhenItsBudgetLeavesNoRoomForAnAttempt() throws Exception {
        // a 2 s call whose attempt may take 1 s may wait 1 s, though the queue time would allow a minute
        limit = limit(1, 128, 60_000, new CallBudgets(2, 1_000));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> holder = holdASlot(ACME, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        try {
            CallBudget budget = limit.budgets.startingNow();
            assertThatThrownBy(() -> limit.within(ACME, budget, () -> "never"))
                    .isInstanceOfSatisfying(UpstreamFailure.class, failure ->
                            assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.OVERLOADED));
            assertThat(budget.remaining()).as("it left while a whole attempt still fitted")
                    .isGreaterThan(Duration.ZERO);
            assertThat(limit.waiting(ACME)).isZero();
        } finally {
            release.countDown();
        }
        assertThat(holder.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo("held");
    }

    @Test
    void aBurstPastTheInstanceBoundWaitsForFreeSlotsInsteadOfFailing() throws Exception {
        limit = limit(16, 2, 60_000);
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> calls = new ArrayList<>();
        calls.add(holdASlot(ACME, entered, release));
        calls.add(holdASlot(GLOBEX, entered, release));
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            calls.add(call(i % 2 == 0 ? ACME : GLOBEX, "served"));
        }
        eventually(() -> limit.waitingForTheInstance() == 3);

        release.countDown();

        for (Future<String> call : calls) {
            assertThat(call.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isIn("held", "served");
        }
    }

    @Test
    void aCallThatGetsNoInstanceSlotInTimeIsRefusedAsBusyAndFreesItsTenantSlot() throws Exception {
        limit = limit(1, 1, 50);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdASlot(GLOBEX, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> limit.within(ACME, limit.budgets.startingNow(), () -> "never"))
                    .isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.OVERLOADED);
                        assertThat(failure.getMessage()).startsWith("Busy: 1 upstream calls are in flight on this MCP"
                                + " server, all Trackdesk programs together").contains("retry in");
                    });
        } finally {
            release.countDown();
        }
        assertThat(call(ACME, "next").get(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("acme's only slot was given back")
                .isEqualTo("next");
    }

    @Test
    void anotherTenantIsNeverHeldUpByABusyOne() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdASlot(ACME, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(limit.within(GLOBEX, limit.budgets.startingNow(), () -> "served")).isEqualTo("served");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theSlotsAreGivenBackWhenTheCallFails() {
        limit = limit(1, 1, 0);
        assertThatThrownBy(() -> limit.within(ACME, limit.budgets.startingNow(), () -> {
            throw new IllegalStateException("upstream exploded");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(limit.within(ACME, limit.budgets.startingNow(), () -> "next")).isEqualTo("next");
    }

    @Test
    void theTimeSpentInLineIsPartOfTheCallsStory() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdASlot(ACME, entered, release);
        assertThat(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        CallBudget budget = limit.budgets.startingNow();
        Future<String> queued = pool.submit(() -> limit.within(ACME, budget, () -> "served"));
        eventually(() -> limit.waiting(ACME) == 1);
        release.countDown();

        assertThat(queued.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo("served");
        assertThat(budget.waitedInLine()).isPositive().isLessThanOrEqualTo(budget.elapsed());
    }

    @Test
    void withTheDefaultsACallMayWaitTenSecondsAndStillHaveAWholeAttempt() {
        TenantConcurrencyLimit defaults = limit(16, 128, 10_000, new CallBudgets(25, 15_000));

        assertThat(defaults.longestWaitForATurn()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anAttemptThatTakesTheWholeBudgetLeavesNoTimeToWaitInLine() {
        TenantConcurrencyLimit noRoom = limit(16, 128, 10_000, new CallBudgets(25, 30_000));

        assertThat(noRoom.longestWaitForATurn()).isZero();
    }

    @Test
    void noSlotsPerTenantIsRefusedAtDeploymentNamingTheSetting() {
        assertThatThrownBy(() -> limit(0, 128, 0))
                .hasMessage("MCP_TENANT_CONCURRENCY must be a positive number of calls, was 0");
    }

    @Test
    void noSlotsPerInstanceIsRefusedAtDeploymentNamingTheSetting() {
        assertThatThrownBy(() -> limit(16, 0, 0))
                .hasMessage("MCP_INSTANCE_CONCURRENCY must be a positive number of calls, was 0");
    }

    @Test
    void aNegativeQueueTimeIsRefusedAtDeploymentNamingTheSetting() {
        assertThatThrownBy(() -> limit(16, 128, -1))
                .hasMessage("MCP_TENANT_QUEUE_MS must be zero or a positive number of milliseconds, was -1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls until the condition holds; fails only after a wait no working code needs. */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within " + PATIENCE_SECONDS + " s")
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
