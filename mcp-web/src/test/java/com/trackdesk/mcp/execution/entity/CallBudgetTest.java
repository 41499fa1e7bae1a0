package com.trackdesk.mcp.execution.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One execute call has one time budget: attempts take their read timeouts from what is left of it. */
class CallBudgetTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final CallBudget budget = CallBudget.on(Duration.ofSeconds(4), now::get);

    void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void anAttemptWaitsItsFullReadTimeoutWhileTheBudgetAllows() {
        assertThat(budget.startAttempt(Duration.ofMillis(1_500))).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aLateAttemptOnlyGetsWhatIsLeft() {
        pass(Duration.ofMillis(3_400));
        assertThat(budget.startAttempt(Duration.ofMillis(1_500))).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void noAttemptStartsWhenTooLittleIsLeftToGetAnAnswer() {
        pass(Duration.ofMillis(3_700));
        assertThat(budget.allowsAnotherAttempt()).isTrue();
        pass(Duration.ofMillis(100));
        assertThat(budget.allowsAnotherAttempt()).isFalse();
        assertThat(budget.remaining()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aWaitIsOnlyWorthItWhenAnAttemptStillFitsAfterIt() {
        pass(Duration.ofMillis(2_000));
        assertThat(budget.allowsWaiting(Duration.ofSeconds(1))).isTrue();
        assertThat(budget.allowsWaiting(Duration.ofMillis(1_800))).isFalse();
    }

    @Test
    void nothingIsLeftAfterTheBudgetNotEvenANegativeRemainder() {
        pass(Duration.ofSeconds(9));
        assertThat(budget.remaining()).isZero();
        assertThat(budget.startAttempt(Duration.ofSeconds(1))).isZero();
    }

    @Test
    void theWaitIsDescribedInWholeSecondsAndAttempts() {
        budget.startAttempt(Duration.ofSeconds(2));
        assertThat(budget.describeWaiting()).isEqualTo("waited 1 s over 1 attempt");
        pass(Duration.ofMillis(1_600));
        budget.startAttempt(Duration.ofSeconds(2));
        pass(Duration.ofMillis(2_000));
        budget.startAttempt(Duration.ofSeconds(2));
        assertThat(budget.describeWaiting()).isEqualTo("waited 4 s over 3 attempts");
    }

    @Test
    void aWaitForASlotLeavesRoomForTheAttemptAfterIt() {
        pass(Duration.ofMillis(3_000));
        assertThat(budget.longestWaitBeforeAnAttempt()).isEqualTo(Duration.ofMillis(750));
        pass(Duration.ofMillis(900));
        assertThat(budget.longestWaitBeforeAnAttempt()).isZero();
    }

    @Test
    void aCallThatNeverGotToBeSentSaysSo() {
        pass(Duration.ofSeconds(3));
        assertThat(budget.describeWaiting()).isEqualTo("waited 3 s without getting to send it");
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> CallBudget.on(Duration.ZERO, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
