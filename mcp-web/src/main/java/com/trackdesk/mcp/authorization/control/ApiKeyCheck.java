package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.execution.control.UpstreamExchange;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Asks the tenant's API whether a personal access token works, with one cheap read call (the tag list), before
 * a code is issued at sign-in and again at every refresh, so a revoked token ends an OAuth grant. The call goes
 * through the same protections as {@code execute} (breaker, concurrency bound, retries) and carries only
 * {@code X-Api-Key}.
 */
@ApplicationScoped
public class ApiKeyCheck {

    static final String CHEAP_READ = "/api/node/tags/v1";

    public enum Verdict { ACCEPTED, REJECTED, UNKNOWN }

    /** The same words the tools use for a 401/403, so users meet one explanation. */
    public static final String REJECTED_MESSAGE = "Trackdesk did not accept this personal access token (HTTP 401): "
            + "check that you copied the whole token, or whether it was revoked. Create a new one in Trackdesk under "
            + "Settings → Integrations → Personal access tokens.";

    @Inject
    UpstreamExchange exchange;

    public Verdict check(Tenant tenant, String apiKey) {
        try {
            int status = exchange.send(new UpstreamRequest(tenant, "GET", CHEAP_READ, Optional.empty(), apiKey, true),
                    UpstreamResponse::status);
            if (status == 401 || status == 403) {
                return Verdict.REJECTED;
            }
            return status >= 200 && status < 300 ? Verdict.ACCEPTED : Verdict.UNKNOWN;
        } catch (UpstreamFailure e) {
            return Verdict.UNKNOWN;
        }
    }
}
