package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the upstream answer bytes this instance holds at once, all calls together ({@code MCP_INSTANCE_ANSWER_BYTES}).
 * {@code MCP_MAX_UPSTREAM_BYTES} bounds one answer, but 128 calls in flight, each with an answer of that size being
 * parsed and shaped (about 4.5 bytes of heap per byte of answer, {@code ExecuteCostTest}), would need some 600 MB of
 * heap. With this bound the heap can be sized for the bound instead of for the worst case of every slot.
 *
 * <p>A call reserves an answer's bytes before it reads them — its Content-Length, or the most one answer may have when
 * the upstream sends none — and keeps them until the answer has been used (parsed and shaped into the tool's result),
 * so the bound covers the parsing too. Reserving all of it at once, never piece by piece, is what keeps two calls from
 * each holding part of the bound while both wait for the rest. A call that finds no room waits in line, first come,
 * first served, for at most what its time budget leaves.
 *
 * <p>The reservation of the call running on the current thread is kept in a thread-local for the length of
 * {@link #whileUsing}, so the answer reader deep inside the call can add to it without every layer passing it on.
 */
@ApplicationScoped
public class AnswerBytes {

    /** Permits count kibibytes: a semaphore counts in {@code int}, and bytes would limit the bound to 2 GiB. */
    static final int UNIT = 1024;

    @Inject
    @ConfigProperty(name = "MCP_INSTANCE_ANSWER_BYTES", defaultValue = "16777216")
    long boundBytes;

    private Semaphore units;

    private final ThreadLocal<Reservation> current = new ThreadLocal<>();

    /** The bytes one call has reserved; only its own thread touches it. */
    private static final class Reservation {
        int heldUnits;
    }

    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_INSTANCE_ANSWER_BYTES", boundBytes, "bytes");
        if (unitsFor(boundBytes) > Integer.MAX_VALUE) {
            throw SettingRules.refused("MCP_INSTANCE_ANSWER_BYTES must be at most "
                    + (long) Integer.MAX_VALUE * UNIT + " bytes, was " + boundBytes);
        }
        units = new Semaphore((int) unitsFor(boundBytes), true);
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /** The bound, for the messages and the settings check that name it. */
    public long boundBytes() {
        return boundBytes;
    }

    /**
     * Runs one call whose answer is read and used inside {@code call}: whatever it reserved is given back when it ends,
     * however it ends.
     */
    public <T> T whileUsing(Supplier<T> call) {
        if (current.get() != null) {
            // a nested call would give back its caller's reservation too early
            throw new IllegalStateException("AnswerBytes.whileUsing was entered twice on one thread");
        }
        Reservation reservation = new Reservation();
        current.set(reservation);
        try {
            return call.get();
        } finally {
            current.remove();
            units.release(reservation.heldUnits);
        }
    }

    /**
     * Reserves room for an answer of {@code bytes} for the current call, waiting in line until {@code deadlineNanos}
     * (on {@link System#nanoTime()}) at the latest. What the call held before is given back first: an earlier
     * attempt's answer has been dropped by the time another is read.
     *
     * @return false when no room came in time; the call then holds nothing
     * @throws IllegalStateException outside {@link #whileUsing}: the reservation would never be given back
     */
    boolean reserve(long bytes, long deadlineNanos) {
        Reservation reservation = reservationOfThisCall();
        units.release(reservation.heldUnits);
        reservation.heldUnits = 0;
        // more than the whole bound could never be granted (the settings check keeps one answer within it)
        int wanted = (int) Math.min(unitsFor(bytes), unitsFor(boundBytes));
        try {
            // the timed form keeps the line fair; the untimed tryAcquire() would jump it
            if (!units.tryAcquire(wanted, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        reservation.heldUnits = wanted;
        return true;
    }

    /** Gives back the part of the current call's reservation beyond the {@code bytes} its answer turned out to have. */
    void keepOnly(long bytes) {
        Reservation reservation = reservationOfThisCall();
        int kept = (int) Math.min(reservation.heldUnits, unitsFor(bytes));
        units.release(reservation.heldUnits - kept);
        reservation.heldUnits = kept;
    }

    /** Answer bytes reserved now, all calls together; read without a lock, for tests and messages. */
    long reservedBytes() {
        return (unitsFor(boundBytes) - units.availablePermits()) * UNIT;
    }

    /** Calls waiting for room now; an estimate, for tests and messages. */
    int waiting() {
        return units.getQueueLength();
    }

    private Reservation reservationOfThisCall() {
        Reservation reservation = current.get();
        if (reservation == null) {
            throw new IllegalStateException("an upstream answer was read outside AnswerBytes.whileUsing");
        }
        return reservation;
    }

    private static long unitsFor(long bytes) {
        return (bytes + UNIT - 1) / UNIT;
    }
}
