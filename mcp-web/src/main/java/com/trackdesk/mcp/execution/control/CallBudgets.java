package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.execution.entity.CallBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The one owner of an {@code execute} call's time limits: the whole call's deadline
 * ({@code MCP_CALL_TIMEOUT_SECONDS}, 25 s) and the longest one attempt may take ({@code MCP_UPSTREAM_TIMEOUT_MS},
 * 15 s, never more than the deadline). What the attempt leaves of the deadline is the longest a call may wait in
 * line for a free slot ({@link TenantConcurrencyLimit}, {@code MCP_TENANT_QUEUE_MS}, 10 s): the defaults are chosen
 * so that a call that waited its longest still has a whole attempt (10 s + 15 s = 25 s). With an attempt as long as
 * the deadline there would be no time to wait at all, and a burst past the tenant's bound would be refused at once. {@link UpstreamExchange} starts a {@link CallBudget} from here for every call;
 * {@link UpstreamClients} gives its HTTP client the same per-attempt limit, so the two can never disagree.
 */
@ApplicationScoped
public class CallBudgets {

    static final String CALL_TIMEOUT_KEY = "MCP_CALL_TIMEOUT_SECONDS";
    static final String UPSTREAM_TIMEOUT_KEY = "MCP_UPSTREAM_TIMEOUT_MS";

    private Duration deadline;
    private Duration perAttempt;

    protected CallBudgets() {
        // for the CDI proxy
    }

    /**
     * A limit of zero would refuse every call, a negative one is meaningless, a word is no time: all stop the
     * deployment. Read as text, see {@link SettingRules#positive(String, String, String)}.
     */
    @Inject
    public CallBudgets(@ConfigProperty(name = CALL_TIMEOUT_KEY, defaultValue = "25") String callTimeoutSeconds,
                       @ConfigProperty(name = UPSTREAM_TIMEOUT_KEY, defaultValue = "15000") String upstreamTimeoutMillis) {
        this(SettingRules.positive(CALL_TIMEOUT_KEY, callTimeoutSeconds, "seconds"),
                SettingRules.positive(UPSTREAM_TIMEOUT_KEY, upstreamTimeoutMillis, "milliseconds"));
    }

    CallBudgets(long callTimeoutSeconds, long upstreamTimeoutMillis) {
        this.deadline = Duration.ofSeconds(SettingRules.positive(CALL_TIMEOUT_KEY, callTimeoutSeconds, "seconds"));
        Duration readTimeout = Duration.ofMillis(SettingRules.positive(UPSTREAM_TIMEOUT_KEY, upstreamTimeoutMillis, "milliseconds"));
        this.perAttempt = readTimeout.compareTo(deadline) < 0 ? readTimeout : deadline;
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /** The budget of one call, its clock starting now. */
    public CallBudget startingNow() {
        return CallBudget.startingNow(deadline, perAttempt);
    }

    /** The longest a call may wait before its first attempt and still have a whole attempt's time afterwards. */
    public Duration roomBeforeTheFirstAttempt() {
        return deadline.minus(perAttempt);
    }

    /** The longest one attempt may take: the HTTP client's request timeout. */
    public Duration perAttempt() {
        return perAttempt;
    }
}
