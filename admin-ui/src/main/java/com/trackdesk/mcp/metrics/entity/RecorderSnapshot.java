package com.trackdesk.mcp.metrics.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * The recorder's own counters since this server started.
 *
 * @param acceptedCalls calls handed to the recorder and queued
 * @param writtenCalls  calls stored in the database
 * @param lostCalls     calls dropped: queue full, or the database could not take them
 * @param queuedCalls   calls waiting to be written
 */
public record RecorderSnapshot(long acceptedCalls, long writtenCalls, long lostCalls, int queuedCalls,
                               boolean databaseOpen, String lastFailure, Optional<Instant> lastWrite) {
}
