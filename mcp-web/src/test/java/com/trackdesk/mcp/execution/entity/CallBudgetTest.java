package com.trackdesk.mcp.execution.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One execute call has one time budget. A blocking read cannot be cut short, so a retry or a wait only
 * starts while a whole read timeout (here 1.5 s of a 4 s budget) still fits.
 */
class CallBudgetTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final CallBudget budget = CallBudget.on(Duration.ofSeconds(4), Duration.ofMillis(1_500), now::get);

    void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void theFirstAttemptAlwaysRuns() {
        pass(Duration.ofMillis(3_900));
        assertThat(budget.allowsAnotherAttempt()).isTrue();
    }

    @Test
    void aRetryRunsOnlyWhenItsReadTimeoutAndThePauseBeforeItStillFit() {
        budget.attemptStarted();
        pass(Duration.ofMillis(1_500));
        assertThat(budget.allowsAnotherAttempt()).as("2.5 s left").isTrue();
        budget.attemptStarted();
        pass(Duration.ofMillis(1_700));
        assertThat(budget.allowsAnotherAttempt()).as("0.8 s left").isFalse();
    }

    @Test
    void aWaitForASlotLeavesRoomForTheWholeAttemptAfterIt() {
        pass(Duration.ofMillis(1_000));
        assertThat(budget.longestWaitBeforeAnAttempt()).isEqualTo(Duration.ofMillis(1_500));
        pass(Duration.ofMillis(2_000));
        assertThat(budget.longestWaitBeforeAnAttempt()).isZero();
    }

    @Test
    void aRetryAfterIsOnlyWaitedOutWhenAnAttemptStillFitsAfterIt() {
        pass(Duration.ofMillis(1_000));
        assertThat(budget.allowsWaiting(Duration.ofMillis(1_500))).isTrue();
        assertThat(budget.allowsWaiting(Duration.ofMillis(1_600))).isFalse();
    }

    @Test
    void aReadTimeoutLongerThanTheBudgetIsBoundedByIt() {
        CallBudget tight = CallBudget.on(Duration.ofSeconds(2), Duration.ofSeconds(30), now::get);
        assertThat(tight.longestWaitBeforeAnAttempt()).isZero();
        assertThat(tight.allowsAnotherAttempt()).isTrue();
    }

    @Test
    void nothingIsLeftAfterTheBudgetNotEvenANegativeRemainder() {
        pass(Duration.ofSeconds(9));
        assertThat(budget.remaining()).isZero();
        assertThat(budget.longestWaitBeforeAnAttempt()).isZero();
    }

    @Test
    void theWaitIsDescribedInWholeSecondsAndAttempts() {
        budget.attemptStarted();
        assertThat(budget.describeWaiting()).isEqualTo("waited 1 s over 1 attempt");
        pass(Duration.ofMillis(1_600));
        budget.attemptStarted();
        pass(Duration.ofMillis(1_600));
        assertThat(budget.describeWaiting()).isEqualTo("waited 3 s over 2 attempts");
    }

    @Test
    void aWaitInLineForAFreeSlotIsToldAsPartOfTheWholeWait() {
        pass(Duration.ofMillis(2_000));
        budget.waitedInLine(Duration.ofMillis(2_000));
        budget.attemptStarted();
        pass(Duration.ofMillis(1_500));

        assertThat(budget.describeWaiting()).isEqualTo("waited 4 s over 1 attempt, 2 s of it in line for a free slot");
    }

    @Test
    void aCallThatNeverGotToBeSentSaysSo() {
        pass(Duration.ofSeconds(3));
        assertThat(budget.describeWaiting()).isEqualTo("waited 3 s without getting to send it");
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> CallBudget.on(Duration.ZERO, Duration.ofSeconds(1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
