package com.trackdesk.mcp.execution.entity;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time one {@code execute} call may spend on the upstream, every attempt, pause and wait included.
 * It is shorter than the clients' own time limits (the MCP TypeScript SDK gives up after 60 s), so the
 * caller reads our explanation instead of its own timeout.
 *
 * <p>An attempt may take up to the read timeout, and a blocking read cannot be cut short once it has
 * started; so an attempt (or a wait before one) is only begun while a whole read timeout still fits
 * into what is left. The first attempt always runs: waits before it are kept short enough for it to fit.
 * Counts the attempts, so the explanation can say how long it waited and how often it tried.
 *
 * <p>One budget belongs to one tool call on one thread; it is never shared.
 */
public final class CallBudget {

    /** Room for the pause the retry policy takes between attempts (200 ms ± 100 ms). */
    static final Duration PAUSE_BEFORE_A_RETRY = Duration.ofMillis(300);

    private final Duration total;
    private final Duration perAttempt;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private int attempts;
    private Duration inLine = Duration.ZERO;

    CallBudget(Duration total, Duration readTimeout, LongSupplier nanoClock) {
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("a call budget must be positive, was " + total);
        }
        this.total = total;
        this.perAttempt = readTimeout.compareTo(total) < 0 ? readTimeout : total;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    /** @param readTimeout the longest one attempt can take (the HTTP client's read timeout) */
    public static CallBudget startingNow(Duration total, Duration readTimeout) {
        return new CallBudget(total, readTimeout, System::nanoTime);
    }

    /** For tests: a budget on a clock of their own. */
    public static CallBudget on(Duration total, Duration readTimeout, LongSupplier nanoClock) {
        return new CallBudget(total, readTimeout, nanoClock);
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - startedNanos);
    }

    public Duration remaining() {
        Duration left = total.minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether another attempt, after the pause between attempts, still ends within the budget. */
    public boolean allowsAnotherAttempt() {
        return attempts == 0 || remaining().compareTo(perAttempt.plus(PAUSE_BEFORE_A_RETRY)) >= 0;
    }

    /** The longest wait (e.g. for a free slot) after which a whole attempt still fits. */
    public Duration longestWaitBeforeAnAttempt() {
        Duration wait = remaining().minus(perAttempt);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Whether waiting {@code pause} would still leave room for a whole attempt afterwards. */
    public boolean allowsWaiting(Duration pause) {
        return remaining().minus(pause).compareTo(perAttempt) >= 0;
    }

    /** The call waited this long in line for a free slot before its first attempt (counted in {@link #elapsed()}). */
    public void waitedInLine(Duration wait) {
        inLine = wait;
    }

    public Duration waitedInLine() {
        return inLine;
    }

    public void attemptStarted() {
        attempts++;
    }

    public int attempts() {
        return attempts;
    }

    /** A wait as a message says it: "850 ms" below a second, else whole seconds ("3 s"). */
    public static String inWords(Duration waited) {
        return waited.toMillis() < 1_000 ? waited.toMillis() + " ms" : Math.round(waited.toMillis() / 1000.0) + " s";
    }

    /** "waited 25 s over 1 attempt, 10 s of it in line for a free slot": for the message an assistant reads. */
    public String describeWaiting() {
        long seconds = Math.max(1, Math.round(elapsed().toMillis() / 1000.0));
        if (attempts == 0) {
            return "waited " + seconds + " s without getting to send it";
        }
        long secondsInLine = Math.round(inLine.toMillis() / 1000.0);
        return "waited " + seconds + " s over " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (secondsInLine > 0 ? ", " + secondsInLine + " s of it in line for a free slot" : "");
    }
}
