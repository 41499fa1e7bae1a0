package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.tenant.control.UpstreamAddress;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * One MicroProfile Rest Client per tenant, built on first use and reused: building one costs 100+ ms.
 * Clients hold only the base URL and timeouts, never a caller's API key.
 */
@ApplicationScoped
public class UpstreamClients {

    @Inject
    UpstreamAddress address;

    /**
     * The connector's request timeout: it runs from connecting to the last byte of the answer (java.net.http has no
     * separate connect timeout).
     */
    @Inject
    @ConfigProperty(name = "MCP_UPSTREAM_TIMEOUT_MS", defaultValue = "30000")
    long readTimeoutMillis;

    /** One attempt never outlasts the whole call's budget (see CallBudget). */
    @Inject
    @ConfigProperty(name = "MCP_CALL_TIMEOUT_SECONDS", defaultValue = "25")
    long callTimeoutSeconds;

    /** Every client may be dropped past the tenant cap: rebuilding one is only slow, never wrong. */
    private final PerTenantState<URI, UpstreamApi> clients = new PerTenantState<>(client -> true);

    public UpstreamApi forTenant(Tenant tenant) {
        return clients.get(address.baseFor(tenant), this::build);
    }

    /**
     * The HTTP connector: the JDK's {@code java.net.http} client, HTTP/1.1, no cookies kept between callers. Jersey's
     * default connector (HttpURLConnection) silently sends a request again when the connection breaks before the
     * answer — a second POST of a write the caller asked for once — and cannot send PATCH at all.
     */
    private static final String CONNECTOR = JavaNetHttpConnectorProvider.class.getName();

    private UpstreamApi build(URI base) {
        return RestClientBuilder.newBuilder()
                .baseUri(base)
                .readTimeout(Math.min(readTimeoutMillis, TimeUnit.SECONDS.toMillis(callTimeoutSeconds)), TimeUnit.MILLISECONDS)
                // a redirect would take the caller's API key to another address
                .followRedirects(false)
                // Jersey takes the provider by class name only
                .property(ClientProperties.CONNECTOR_PROVIDER, CONNECTOR)
                .property(JavaNetHttpClientProperties.HTTP_VERSION, HttpClient.Version.HTTP_1_1)
                .property(JavaNetHttpClientProperties.DISABLE_COOKIES, true)
                // non-2xx answers are results to explain, not exceptions
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new TargetFilter(base))
                .build(UpstreamApi.class);
    }
}
