package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.CatalogLoad;
import com.trackdesk.mcp.metrics.entity.RecorderSnapshot;
import com.trackdesk.mcp.metrics.entity.WriteBatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Between the call path and the database: {@link #offer} only puts the call in a bounded queue (or counts
 * it lost when the queue is full), and {@link #drain}, run by a scheduler thread, writes the queue in
 * batches. A batch the database cannot take goes back to the head of the queue and is written by a later
 * drain, once the database is back: a database restart loses nothing. The queue is the only buffer, so
 * memory stays bounded by its capacity; only calls that find it full (new ones, or a returned batch that no
 * longer fits because new calls took the room) are lost, and the count tells the console how complete its
 * numbers are.
 */
public class RecordingPipeline {

    static final int BATCH_SIZE = 1000;
    private static final Logger LOG = Logger.getLogger(RecordingPipeline.class.getName());

    private final BlockingDeque<CallMetric> queue;
    private final MetricsDatabase database;
    private final MetricsWriter writer;
    private final Clock clock;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder lost = new LongAdder();
    // lost calls not yet reported to the database
    private final AtomicLong lostUnreported = new AtomicLong();
    private final AtomicReference<CatalogLoad> pendingCatalog = new AtomicReference<>();
    private volatile Instant lastWrite;

    public RecordingPipeline(int capacity, MetricsDatabase database, MetricsWriter writer, Clock clock) {
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.database = database;
        this.writer = writer;
        this.clock = clock;
    }

    /** On the call path: constant time, never blocks, never throws. */
    public void offer(CallMetric call) {
        if (call == null) {
            return;
        }
        if (queue.offer(call)) {
            accepted.increment();
        } else {
            lose(1);
        }
    }

    /** Keeps only the newest report: the console shows the catalog as it is now. */
    public void catalogLoaded(CatalogLoad load) {
        pendingCatalog.set(load);
    }

    /** Writes everything queued so far, batch by batch. Never throws: it runs on a scheduler. */
    public void drain() {
        try {
            List<CallMetric> calls = new ArrayList<>(BATCH_SIZE);
            do {
                calls.clear();
                queue.drainTo(calls, BATCH_SIZE);
                WriteBatch batch = new WriteBatch(List.copyOf(calls), lostUnreported.getAndSet(0),
                        Optional.ofNullable(pendingCatalog.getAndSet(null)));
                if (batch.isEmpty()) {
                    return;
                }
                if (!store(batch)) {
                    return;
                }
            } while (calls.size() == BATCH_SIZE);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "metrics drain failed unexpectedly", e);
        }
    }

    public RecorderSnapshot snapshot() {
        return new RecorderSnapshot(accepted.sum(), written.sum(), lost.sum(), queue.size(), database.isOpen(),
                database.lastFailure(), Optional.ofNullable(lastWrite));
    }

    /** Writes what is still queued; what the database cannot take now is lost, and said so in the log. */
    public void drainBeforeShutdown() {
        drain();
        int left = queue.size();
        if (left > 0) {
            LOG.warning(left + " call metrics could not be written before shutdown (metrics database unavailable: "
                    + database.lastFailure() + ")");
        }
    }

    private boolean store(WriteBatch batch) {
        try {
            if (!database.open()) {
                throw new MetricsDatabaseUnavailable(database.lastFailure());
            }
            writer.write(batch);
            written.add(batch.calls().size());
            lastWrite = clock.instant();
            return true;
        } catch (RuntimeException e) {
            if (!(e instanceof MetricsDatabaseUnavailable)) {
                database.markFailed(e);
            }
            lostUnreported.addAndGet(batch.lostCalls());
            batch.catalogLoad().ifPresent(load -> pendingCatalog.compareAndSet(null, load));
            putBack(batch.calls());
            return false;
        }
    }

    /** Back to the head, oldest first, so that a later drain writes them in order; what no longer fits is lost. */
    private void putBack(List<CallMetric> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (!queue.offerFirst(calls.get(i))) {
                lose(i + 1);
                return;
            }
        }
    }

    private void lose(long calls) {
        lost.add(calls);
        lostUnreported.addAndGet(calls);
    }
}
