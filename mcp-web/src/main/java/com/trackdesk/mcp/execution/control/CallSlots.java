package com.trackdesk.mcp.execution.control;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of slots for upstream calls and a fair line of the calls waiting for one: the call that has
 * waited longest gets the next free slot. It also keeps how long a slot was held by the calls that finished last,
 * so that a call refused after its wait can be told honestly when to come back: slots free up at about
 * {@code slots / time held} per second, so the place behind everybody waiting now comes up after about
 * {@code (calls waiting + 1) × time held / slots}.
 */
final class CallSlots {

    /** How strongly the newest hold time counts in the running mean: the last dozen or so calls dominate. */
    private static final int SMOOTHING = 8;
    private static final long NO_CALL_FINISHED_YET = -1;

    private final int size;
    private final Semaphore slots;
    private final AtomicLong meanHoldNanos = new AtomicLong(NO_CALL_FINISHED_YET);

    CallSlots(int size) {
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    /**
     * Waits in line for a slot until {@code deadlineNanos} (on {@link System#nanoTime()}).
     *
     * @return false when no slot came in time: the call has then left the line
     */
    boolean take(long deadlineNanos) {
        try {
            // the timed form keeps the line fair; the untimed tryAcquire() would jump it
            return slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Frees the slot of a call that held it for {@code heldNanos}. */
    void giveBack(long heldNanos) {
        // a loop, not getAndUpdate: a lambda holding heldNanos would be one more object per call (issue 17)
        long mean;
        long next;
        do {
            mean = meanHoldNanos.get();
            next = mean == NO_CALL_FINISHED_YET ? heldNanos : mean + (heldNanos - mean) / SMOOTHING;
        } while (!meanHoldNanos.compareAndSet(mean, next));
        slots.release();
    }

    /** Frees a slot that was taken but not used for a call (its time says nothing about how long calls take). */
    void giveBackUnused() {
        slots.release();
    }

    int size() {
        return size;
    }

    /** Calls holding a slot now; read without a lock, for messages only. */
    int inFlight() {
        return size - slots.availablePermits();
    }

    /** Calls in line for a slot now; an estimate, for messages only. */
    int waiting() {
        return slots.getQueueLength();
    }

    /** No call holds a slot or waits for one: the slots may be dropped and made afresh. */
    boolean idle() {
        return slots.availablePermits() == size && !slots.hasQueuedThreads();
    }

    /**
     * About when a call that joins the line behind {@code callsAhead} others gets a slot, from how long slots were
     * held recently; {@code whenUnknown} while no call has finished yet.
     */
    Duration turnAfter(int callsAhead, Duration whenUnknown) {
        long mean = meanHoldNanos.get();
        if (mean == NO_CALL_FINISHED_YET) {
            return whenUnknown;
        }
        return Duration.ofNanos(mean * (callsAhead + 1L) / size);
    }
}
