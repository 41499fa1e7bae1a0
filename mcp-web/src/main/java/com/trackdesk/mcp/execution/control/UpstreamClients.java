package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.tenant.control.UpstreamAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one MicroProfile Rest Client of all upstream calls, built at the first call and reused: building one costs
 * 100+ ms, and each holds a java.net.http client with its own selector thread and connection pool, so one per
 * tenant would cost a thread per tenant. Where a call goes (the tenant's base URL + the operation's path) and
 * with which key is set per call by {@link TargetFilter} from the thread's {@link OutgoingCall}; the client itself
 * holds only timeouts, never a caller's API key.
 */
@ApplicationScoped
public class UpstreamClients {

    /** Only a placeholder for the builder, which wants one: every request's address is set by {@link TargetFilter}. */
    private static final URI NO_BASE = URI.create("http://upstream.invalid/");

    @Inject
    UpstreamAddress address;

    /**
     * Gives the connector's request timeout: one attempt's limit, never more than the whole call's. It runs from
     * connecting to the last byte of the answer (java.net.http has no separate connect timeout).
     */
    @Inject
    CallBudgets budgets;

    /**
     * The HTTP connector: the JDK's {@code java.net.http} client, HTTP/1.1, no cookies kept between callers. Jersey's
     * default connector (HttpURLConnection) silently sends a request again when the connection breaks before the
     * answer — a second POST of a write the caller asked for once — and cannot send PATCH at all.
     */
    private static final String CONNECTOR = JavaNetHttpConnectorProvider.class.getName();

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
        return RestClientBuilder.newBuilder()
                .baseUri(NO_BASE)
                .readTimeout(budgets.perAttempt().toMillis(), TimeUnit.MILLISECONDS)
                // a redirect would take the caller's API key to another address
                .followRedirects(false)
                // Jersey takes the provider by class name only
                .property(ClientProperties.CONNECTOR_PROVIDER, CONNECTOR)
                .property(JavaNetHttpClientProperties.HTTP_VERSION, HttpClient.Version.HTTP_1_1)
                .property(JavaNetHttpClientProperties.DISABLE_COOKIES, true)
                // non-2xx answers are results to explain, not exceptions
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new TargetFilter())
                .build(UpstreamApi.class);
    }
}
