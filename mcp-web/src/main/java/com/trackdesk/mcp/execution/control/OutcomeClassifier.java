package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.metrics.entity.Outcome;

/** Sorts call endings into the outcomes operators count. */
public final class OutcomeClassifier {

    private OutcomeClassifier() {
    }

    public static Outcome ofStatus(int status) {
        if (status >= 500) {
            return Outcome.UPSTREAM_5XX;
        }
        if (status == 401 || status == 403) {
            // a revoked or insufficient token: the admin's question is "whose key stopped working", not "which call"
            return Outcome.AUTH;
        }
        return status >= 400 ? Outcome.UPSTREAM_4XX : Outcome.OK;
    }

    public static Outcome of(UpstreamFailure failure) {
        return switch (failure.kind()) {
            case TIMEOUT -> Outcome.TIMEOUT;
            case BREAKER_OPEN -> Outcome.BREAKER_OPEN;
            case OVERLOADED, NO_ROOM_TO_READ -> Outcome.OVERLOADED;
            case CONNECTION_REFUSED, TLS, UNKNOWN_HOST, NETWORK -> Outcome.NETWORK_ERROR;
            case ANSWER_TOO_LARGE -> Outcome.ANSWER_TOO_LARGE;
        };
    }
}
