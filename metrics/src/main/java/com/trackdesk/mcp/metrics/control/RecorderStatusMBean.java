package com.trackdesk.mcp.metrics.control;

/**
 * The recorder's live counters over JMX. The console runs in another WAR of the same JVM and cannot see
 * the recorder's objects; the platform MBean server is what both share, and it still answers when the
 * metrics database does not.
 */
public interface RecorderStatusMBean {

    long getAcceptedCalls();

    long getWrittenCalls();

    long getLostCalls();

    int getQueuedCalls();

    boolean isDatabaseOpen();

    String getLastFailure();

    /** Epoch milliseconds of the last successful write, 0 if none yet. */
    long getLastWriteMillis();
}
