package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.tenant.control.UpstreamAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one MicroProfile Rest Client of all upstream calls, built at the first call and reused: building one costs
 * 100+ ms, and each holds its own connection pool. Where a call goes (the tenant's base URL + the operation's path) and
 * with which key is set per call by {@link TargetFilter} from the thread's {@link OutgoingCall}; the client itself
 * holds only timeouts, never a caller's API key.
 */
@ApplicationScoped
public class UpstreamClients {

    /** Only a placeholder for the builder, which wants one: every request's address is set by {@link TargetFilter}. */
    private static final URI NO_BASE = URI.create("http://upstream.invalid/");

    @Inject
    UpstreamAddress address;

    /** Gives one attempt's limit, never more than the whole call's: for connecting and for each wait on the answer. */
    @Inject
    CallBudgets budgets;

    /** Gives the size of the connection pool: as many connections as calls may be in flight on this instance. */
    @Inject
    TenantConcurrencyLimit limits;

    /**
     * The HTTP connector: Apache HttpClient 5, blocking I/O on the calling thread, no cookies kept between callers.
     * Jersey's default connector (HttpURLConnection) silently sends a request again when the connection breaks before
     * the answer — a second POST of a write the caller asked for once — and cannot send PATCH at all. The JDK's
     * {@code java.net.http} connector has neither fault, but its request timeout ends with the answer's headers: an
     * upstream that stopped half-way through a body held the call without any bound. Apache's socket timeout bounds
     * each wait on the upstream's bytes.
     */
    private static final String CONNECTOR = Apache5ConnectorProvider.class.getName();

    /**
     * Never sends a request again by itself (Apache's default repeats idempotent methods once on I/O errors and
     * 429/503): whether a call may be repeated is {@link UpstreamCaller}'s decision, within the call's budget.
     */
    private static final DefaultHttpRequestRetryStrategy NEVER_RESEND = new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS);

    /**
     * Answers are asked for as they are, without {@code Accept-Encoding: gzip, deflate} (which Apache sends by default
     * and then inflates transparently), as the JDK clients asked for them. A compressing upstream holds bytes back in
     * its compressor: WireMock's gzip sent nothing between the headers and the end of a body dripped over 3.2 s, so
     * every wait outlived the read timeout although the upstream kept pace ({@code UpstreamFaultsIT}). The read
     * timeout would then bound the compressor's flushes instead of the upstream's bytes, and a few bytes on the wire
     * could inflate a hundredfold before {@link AnswerReader}'s bound on the answer's bytes applies.
     */
    private static final boolean ASK_FOR_COMPRESSION = false;

    /** A pooled connection idle this long is checked before it is used again (the upstream may have closed it). */
    private static final TimeValue CHECK_IDLE_CONNECTIONS_AFTER = TimeValue.ofSeconds(2);

    private volatile UpstreamApi api;

    /** Sends one request of the calling thread to its tenant's API. */
    public <T> T calling(UpstreamRequest request, Function<UpstreamApi, T> call) {
        URI base = address.baseFor(request.tenant());
        UpstreamApi client = client();
        return OutgoingCall.sending(base, request, () -> call.apply(client));
    }

    private UpstreamApi client() {
        UpstreamApi built = api;
        if (built == null) {
            synchronized (this) {
                if (api == null) {
                    api = build();
                }
                built = api;
            }
        }
        return built;
    }

    private UpstreamApi build() {
        Duration attempt = budgets.perAttempt();
        return RestClientBuilder.newBuilder()
                .baseUri(NO_BASE)
                .connectTimeout(attempt.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(attempt.toMillis(), TimeUnit.MILLISECONDS)
                // a redirect would take the caller's API key to another address
                .followRedirects(false)
                // Jersey takes the provider by class name only
                .property(ClientProperties.CONNECTOR_PROVIDER, CONNECTOR)
                .property(Apache5ClientProperties.CONNECTION_MANAGER, connections(attempt, limits.callsPerInstance()))
                .property(Apache5ClientProperties.REQUEST_CONFIG, RequestConfig.custom()
                        // waiting for a pooled connection counts against the attempt too
                        .setConnectionRequestTimeout(Timeout.of(attempt))
                        .setContentCompressionEnabled(ASK_FOR_COMPRESSION)
                        .build())
                .property(Apache5ClientProperties.RETRY_STRATEGY, NEVER_RESEND)
                .property(Apache5ClientProperties.DISABLE_COOKIES, true)
                // an answer left unread because it is too large closes its connection instead of reading the rest
                .property(Apache5ClientProperties.CONNECTION_CLOSING_STRATEGY, new UnreadAnswerClosing())
                // a body goes with its Content-Length, as the JDK clients sent it, not chunked
                .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED)
                // non-2xx answers are results to explain, not exceptions
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new TargetFilter())
                .build(UpstreamApi.class);
    }

    /**
     * Keep-alive connections for all tenants: as many per upstream host as calls may be in flight on this instance
     * ({@code MCP_INSTANCE_CONCURRENCY}), so no call that got its slot waits for a connection.
     */
    private static HttpClientConnectionManager connections(Duration attempt, int callsInFlight) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(callsInFlight)
                .setMaxConnTotal(callsInFlight)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(attempt))
                        .setSocketTimeout(Timeout.of(attempt))
                        .setValidateAfterInactivity(CHECK_IDLE_CONNECTIONS_AFTER)
                        .build())
                .build();
    }
}
