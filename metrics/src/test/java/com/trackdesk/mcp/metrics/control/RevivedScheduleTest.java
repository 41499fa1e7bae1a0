package com.trackdesk.mcp.metrics.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RevivedScheduleTest {

    static final Duration PERIOD = Duration.ofMillis(20);

    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    final AtomicInteger schedules = new AtomicInteger();
    final MetricsScheduler scheduler = new MetricsScheduler() {
        @Override
        public ScheduledFuture<?> every(Duration period, Duration firstAfter, Runnable work) {
            schedules.incrementAndGet();
            return executor.scheduleWithFixedDelay(work, firstAfter.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    };

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void workThatRunsFineIsScheduledOnce() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);
        RevivedSchedule schedule = new RevivedSchedule("test work", scheduler, PERIOD, runs::countDown);
        schedule.start();

        assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
        schedule.keepAlive();
        assertThat(schedules).hasValue(1);
        schedule.stop();
    }

    @Test
    void aRunThatFailedEndsThePeriodicTaskAndKeepAliveSchedulesItAgain() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch ranAfterRevival = new CountDownLatch(2);
        Runnable work = () -> {
            if (attempts.incrementAndGet() == 1) {
                failed.countDown();
                // what the container does to a run while the application is still deploying
                throw new IllegalStateException("application is not enabled yet");
            }
            ranAfterRevival.countDown();
        };
        RevivedSchedule schedule = new RevivedSchedule("test work", scheduler, PERIOD, work);
        schedule.start();
        assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(10 * PERIOD.toMillis());
        assertThat(attempts).as("a periodic task is not run again after a failed run").hasValue(1);

        schedule.keepAlive();

        assertThat(ranAfterRevival.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(schedules).hasValue(2);
        schedule.stop();
    }

    @Test
    void afterStopNothingIsScheduledAgain() throws InterruptedException {
        RevivedSchedule schedule = new RevivedSchedule("test work", scheduler, PERIOD, () -> { });
        schedule.start();
        schedule.stop();

        schedule.keepAlive();

        assertThat(schedules).hasValue(1);
    }
}
