package com.trackdesk.mcp.reporting.entity;

import java.time.Instant;
import java.util.List;

/**
 * How complete the metrics are. {@code recorders} are the live recorders of this JVM (normally the one in
 * the MCP endpoint); {@code lostCallsStored} were reported to the database for the time window.
 */
public record RecordingHealth(boolean databaseAvailable, String databaseProblem, long lostCallsStored,
                              List<RecorderView> recorders) {

    /** One recorder's counters since its server started. */
    public record RecorderView(long acceptedCalls, long writtenCalls, long lostCalls, int queuedCalls,
                               boolean databaseOpen, String lastFailure, Instant lastWrite) {
    }
}
