package com.trackdesk.mcp.usage.control;

import com.trackdesk.mcp.metrics.boundary.CallRecorder;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Where the tools hand their call metric: adds the anonymous client of the current request and notes that the
 * request was recorded, so that it is not counted a second time as a rejection.
 */
@ApplicationScoped
public class UsageRecorder {

    @Inject
    CallRecorder recorder;

    @Inject
    CallLedger ledger;

    public void record(CallMetric metric) {
        Optional<String> client = Optional.empty();
        try {
            ledger.markRecorded();
            client = ledger.client();
        } catch (ContextNotActiveException outsideRequest) {
            // an answer streamed after the request thread let go: the call is still counted, without its client
        }
        recorder.record(metric.withClient(client));
    }
}
