package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.SignInRecord;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Sign-ins of the OAuth page, written with the call metrics' schedule. Sign-ins are rare (people typing), so a
 * small queue suffices; when it is full or the database is away, sign-ins are dropped: counting them must never
 * hold up a sign-in.
 */
public class SignInWriter {

    static final int CAPACITY = 1_000;

    private final MetricsDatabase database;
    private final Clock clock;
    private final BlockingQueue<SignInRecord> pending = new ArrayBlockingQueue<>(CAPACITY);

    public SignInWriter(MetricsDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void offer(boolean succeeded) {
        pending.offer(new SignInRecord(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), succeeded));
    }

    public void drain() {
        if (pending.isEmpty() || !database.open()) {
            return;
        }
        List<SignInRecord> batch = new ArrayList<>();
        pending.drainTo(batch);
        try {
            database.inTransaction(em -> {
                batch.forEach(em::persist);
                return batch.size();
            });
        } catch (RuntimeException e) {
            database.markFailed(e);
        }
    }
}
