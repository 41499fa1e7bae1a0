package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tenant's calls past its bound wait for a slot for a while, and are refused as "busy" only after that. */
class TenantConcurrencyLimitTest {

    static final Tenant ACME = new Tenant("acme");
    final ExecutorService pool = Executors.newCachedThreadPool();
    final TenantConcurrencyLimit limit = new TenantConcurrencyLimit();

    {
        limit.permitsPerTenant = 1;
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    static CallBudget budget() {
        return CallBudget.startingNow(Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    /** Occupies the tenant's only slot until {@code release} opens. */
    Future<String> holdTheSlot(CountDownLatch entered, CountDownLatch release) {
        return pool.submit(() -> limit.within(ACME, budget(), () -> {
            entered.countDown();
            await(release);
            return "first";
        }));
    }

    @Test
    void aCallPastTheBoundGetsTheSlotOnceItFreesUp() throws Exception {
        limit.queueMillis = 60_000;
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = holdTheSlot(entered, release);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        Future<String> second = pool.submit(() -> limit.within(ACME, budget(), () -> "second"));
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void aCallThatFindsNoSlotWithinTheQueueTimeIsRefusedAsBusy() throws Exception {
        limit.queueMillis = 50;
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdTheSlot(entered, release);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> limit.within(ACME, budget(), () -> "never"))
                    .isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.OVERLOADED);
                        assertThat(failure.getMessage()).startsWith("Busy").contains("1 calls in flight")
                                .contains("retry in 1 s");
                    });
        } finally {
            release.countDown();
        }
    }

    @Test
    void anotherTenantIsNeverHeldUpByABusyOne() throws Exception {
        limit.queueMillis = 60_000;
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdTheSlot(entered, release);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(limit.within(new Tenant("globex"), budget(), () -> "served")).isEqualTo("served");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theSlotIsGivenBackWhenTheCallFails() {
        limit.queueMillis = 0;
        assertThatThrownBy(() -> limit.within(ACME, budget(), () -> {
            throw new IllegalStateException("upstream exploded");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(limit.within(ACME, budget(), () -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void noSlotsPerTenantIsRefusedAtDeploymentNamingTheSetting() {
        limit.permitsPerTenant = 0;

        assertThatThrownBy(limit::checkSettings)
                .hasMessage("MCP_TENANT_CONCURRENCY must be a positive number of calls, was 0");
    }

    @Test
    void aNegativeQueueTimeIsRefusedAtDeploymentNamingTheSetting() {
        limit.queueMillis = -1;

        assertThatThrownBy(limit::checkSettings)
                .hasMessage("MCP_TENANT_QUEUE_MS must be zero or a positive number of milliseconds, was -1");
    }
}
