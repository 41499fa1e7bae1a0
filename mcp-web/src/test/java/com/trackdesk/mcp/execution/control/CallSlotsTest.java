package com.trackdesk.mcp.execution.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How a refused call is told when to come back: from how long slots were held lately and how many wait ahead. */
class CallSlotsTest {

    static final Duration UNKNOWN = Duration.ofSeconds(15);

    final CallSlots slots = new CallSlots(2);

    void oneCallHeldASlotFor(Duration held) {
        assertThat(slots.take(System.nanoTime())).isTrue();
        slots.giveBack(held.toNanos());
    }

    @Test
    void whileNoCallHasFinishedTheTurnIsTheFallbackTheCallerGives() {
        assertThat(slots.turnAfter(10, UNKNOWN)).isEqualTo(UNKNOWN);
    }

    @Test
    void aTurnComesAfterTheCallsAheadHaveHadTheirsAtTheRateSlotsFreeUp() {
        oneCallHeldASlotFor(Duration.ofSeconds(4));

        // two slots held 4 s each: one frees up every 2 s
        assertThat(slots.turnAfter(0, UNKNOWN)).isEqualTo(Duration.ofSeconds(2));
        assertThat(slots.turnAfter(3, UNKNOWN)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theLatestCallsCountMost() {
        oneCallHeldASlotFor(Duration.ofSeconds(40));
        for (int i = 0; i < 100; i++) {
            oneCallHeldASlotFor(Duration.ofSeconds(1));
        }

        assertThat(slots.turnAfter(1, UNKNOWN)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1_010));
    }

    @Test
    void aSlotGivenBackUnusedSaysNothingAboutHowLongCallsTake() {
        assertThat(slots.take(System.nanoTime())).isTrue();
        slots.giveBackUnused();

        assertThat(slots.turnAfter(0, UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(slots.idle()).isTrue();
    }

    @Test
    void slotsInUseAreNotIdleAndAreCounted() {
        assertThat(slots.take(System.nanoTime())).isTrue();

        assertThat(slots.inFlight()).isEqualTo(1);
        assertThat(slots.idle()).isFalse();
        assertThat(slots.take(System.nanoTime())).isTrue();
        assertThat(slots.take(System.nanoTime())).as("both slots taken, no time to wait").isFalse();
    }
}
