package com.trackdesk.mcp.usage.control;

import com.trackdesk.mcp.metrics.boundary.CallRecorder;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Where the tools hand their call metric: adds the anonymous client of the request and notes in its
 * {@link CallLedger} that the request was recorded, so that it is not counted a second time as a rejection.
 */
@ApplicationScoped
public class UsageRecorder {

    @Inject
    CallRecorder recorder;

    /** @param ledger the request's ledger; empty outside an HTTP request to /mcp (the call is counted, without client) */
    public void record(Optional<CallLedger> ledger, CallMetric metric) {
        ledger.ifPresent(CallLedger::markRecorded);
        recorder.record(metric.withClient(ledger.flatMap(CallLedger::client)));
    }
}
