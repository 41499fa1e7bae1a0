package com.trackdesk.mcp.metrics.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * The recorder's own counters since this server started.
 *
 * @param acceptedCalls calls handed to the recorder and queued
 * @param writtenCalls  calls stored in the database
 * @param lostCalls     calls dropped because the queue was full (the database being down only keeps them queued)
 * @param queuedCalls   calls waiting to be written, including those waiting for the database to come back
 */
public record RecorderSnapshot(long acceptedCalls, long writtenCalls, long lostCalls, int queuedCalls,
                               boolean databaseOpen, String lastFailure, Optional<Instant> lastWrite) {
}
