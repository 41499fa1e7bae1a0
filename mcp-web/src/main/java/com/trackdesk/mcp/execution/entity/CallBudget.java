package com.trackdesk.mcp.execution.entity;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time one {@code execute} call may spend on the upstream, every attempt, pause and wait included.
 * It is shorter than the clients' own time limits (the MCP TypeScript SDK gives up after 60 s), so the
 * caller reads our explanation instead of its own timeout. Counts the attempts, so the explanation can
 * say how long it waited and how often it tried.
 *
 * <p>One budget belongs to one tool call on one thread; it is never shared.
 */
public final class CallBudget {

    /** Below this, another attempt could not get an answer back in time: it is not started. */
    static final Duration LEAST_FOR_AN_ATTEMPT = Duration.ofMillis(250);

    private final Duration total;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private int attempts;

    CallBudget(Duration total, LongSupplier nanoClock) {
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("a call budget must be positive, was " + total);
        }
        this.total = total;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    public static CallBudget startingNow(Duration total) {
        return new CallBudget(total, System::nanoTime);
    }

    /** For tests: a budget on a clock of their own. */
    public static CallBudget on(Duration total, LongSupplier nanoClock) {
        return new CallBudget(total, nanoClock);
    }

    public Duration total() {
        return total;
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - startedNanos);
    }

    public Duration remaining() {
        Duration left = total.minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether another attempt (or a wait followed by one) still fits. */
    public boolean allowsAnotherAttempt() {
        return remaining().compareTo(LEAST_FOR_AN_ATTEMPT) >= 0;
    }

    /** The longest wait (e.g. for a free slot) after which an attempt still fits. */
    public Duration longestWaitBeforeAnAttempt() {
        Duration wait = remaining().minus(LEAST_FOR_AN_ATTEMPT);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Whether waiting {@code pause} would still leave room for an attempt afterwards. */
    public boolean allowsWaiting(Duration pause) {
        return remaining().minus(pause).compareTo(LEAST_FOR_AN_ATTEMPT) >= 0;
    }

    /**
     * Starts one attempt and says how long it may wait for the upstream to answer: the configured read
     * timeout, or what is left of the budget when that is less.
     */
    public Duration startAttempt(Duration readTimeout) {
        attempts++;
        Duration left = remaining();
        return left.compareTo(readTimeout) < 0 ? left : readTimeout;
    }

    public int attempts() {
        return attempts;
    }

    /** "waited 25 s over 3 attempts": for the message an assistant reads. */
    public String describeWaiting() {
        long seconds = Math.max(1, Math.round(elapsed().toMillis() / 1000.0));
        if (attempts == 0) {
            return "waited " + seconds + " s without getting to send it";
        }
        return "waited " + seconds + " s over " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
