package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What recording costs the call path (CallRecorder.record is offer() in a try): a microbenchmark with
 * warm-up, single-threaded and with two threads offering at once, and the cost of a drop when the queue
 * is full. Prints ns per call; asserts only that every offered call was either queued or counted lost.
 */
class RecordingCostTest {

    static final int WARMUP = 2_000_000;
    static final int MEASURED = 2_000_000;
    static final CallMetric CALL = new CallMetric(Instant.now(), "acme", "execute", Optional.of("listTags"), Outcome.OK,
            200, 1_234, 5_678, Optional.empty(), false, Optional.empty());

    RecordingPipeline pipeline(int capacity) {
        // the database is never touched by offer(): nothing is opened here
        ResourceLocalMetricsDatabase unused = new ResourceLocalMetricsDatabase(MetricsTestDatabase.options(Path.of("unused")));
        return new RecordingPipeline(capacity, unused, new MetricsWriter(unused, null, Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void queueingACallCostsTensOfNanoseconds() {
        pipeline(WARMUP).offer(CALL);
        for (int round = 0; round < 3; round++) {
            RecordingPipeline warm = pipeline(WARMUP);
            for (int i = 0; i < WARMUP; i++) {
                warm.offer(CALL);
            }
        }
        RecordingPipeline measured = pipeline(MEASURED);
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            measured.offer(CALL);
        }
        double nanos = (double) (System.nanoTime() - started) / MEASURED;
        System.out.printf("[record cost] queued, 1 thread: %.1f ns/call%n", nanos);

        assertThat(measured.snapshot().acceptedCalls()).isEqualTo(MEASURED);
        assertThat(measured.snapshot().lostCalls()).isZero();
    }

    @Test
    void twoThreadsRecordingAtOnce() throws InterruptedException {
        RecordingPipeline measured = pipeline(2 * MEASURED);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong busiest = new AtomicLong();
        Runnable offerer = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long began = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                measured.offer(CALL);
            }
            busiest.accumulateAndGet(System.nanoTime() - began, Math::max);
        };
        Thread first = new Thread(offerer);
        Thread second = new Thread(offerer);
        first.start();
        second.start();
        start.countDown();
        first.join();
        second.join();
        System.out.printf("[record cost] queued, 2 threads contending: %.1f ns/call%n", (double) busiest.get() / MEASURED);

        assertThat(measured.snapshot().acceptedCalls()).isEqualTo(2L * MEASURED);
    }

    @Test
    void aFullQueueDropsAndCountsAtTheSameCost() {
        RecordingPipeline full = pipeline(1);
        full.offer(CALL);
        for (int i = 0; i < WARMUP; i++) {
            full.offer(CALL);
        }
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            full.offer(CALL);
        }
        System.out.printf("[record cost] dropped (queue full): %.1f ns/call%n", (double) (System.nanoTime() - started) / MEASURED);

        assertThat(full.snapshot().acceptedCalls()).isEqualTo(1);
        assertThat(full.snapshot().lostCalls()).isEqualTo((long) WARMUP + MEASURED);
    }
}
