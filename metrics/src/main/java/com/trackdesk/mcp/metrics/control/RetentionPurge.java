package com.trackdesk.mcp.metrics.control;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes metrics older than the retention period: call rows, rollups and loss reports. The newest
 * catalog report stays whatever its age: it describes the catalog that is loaded now.
 */
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    private final MetricsDatabase database;
    private final int retentionDays;
    private final Clock clock;

    public RetentionPurge(MetricsDatabase database, int retentionDays, Clock clock) {
        this.database = database;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** Returns the number of call rows deleted. */
    public int purge() {
        LocalDateTime cutoff = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays);
        if (!database.open()) {
            throw new MetricsDatabaseUnavailable("metrics database unavailable: " + database.lastFailure());
        }
        return database.inTransaction(em -> {
            int calls = em.createQuery("DELETE FROM CallRecord c WHERE c.calledAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            em.createQuery("DELETE FROM CallRollup r WHERE r.bucketStart < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            em.createQuery("DELETE FROM SignInRecord s WHERE s.signedInAt < :cutoff").setParameter("cutoff", cutoff)
                    .executeUpdate();
            em.createQuery("DELETE FROM RecordingLoss l WHERE l.reportedAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            em.createQuery("DELETE FROM CatalogLoad c WHERE c.loadedAt < :cutoff"
                            + " AND c.id <> (SELECT MAX(n.id) FROM CatalogLoad n)")
                    .setParameter("cutoff", cutoff).executeUpdate();
            return calls;
        });
    }

    /** For the scheduler: a failed purge is tried again at the next run. */
    public void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.info("metrics retention: deleted " + deleted + " calls older than " + retentionDays + " days");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "metrics retention purge failed: " + e.getMessage());
        }
    }
}
