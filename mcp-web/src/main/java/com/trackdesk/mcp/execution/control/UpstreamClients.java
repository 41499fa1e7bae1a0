package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.tenant.control.UpstreamAddress;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * One JAX-RS client per tenant, built on first use and reused: building one costs 100+ ms.
 * Clients hold only the base URL and timeouts, never a caller's API key.
 */
@ApplicationScoped
public class UpstreamClients {

    @Inject
    UpstreamAddress address;

    @Inject
    @ConfigProperty(name = "MCP_UPSTREAM_CONNECT_TIMEOUT_MS", defaultValue = "5000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "MCP_UPSTREAM_TIMEOUT_MS", defaultValue = "30000")
    long readTimeoutMillis;

    /** One read never outlasts the whole call's budget (see CallBudget). */
    @Inject
    @ConfigProperty(name = "MCP_CALL_TIMEOUT_SECONDS", defaultValue = "25")
    long callTimeoutSeconds;

    /** Every client may be dropped past the tenant cap: rebuilding one is only slow, never wrong. */
    private final PerTenantState<URI, UpstreamApi> clients = new PerTenantState<>(client -> true);

    public UpstreamApi forTenant(Tenant tenant) {
        return clients.get(address.baseFor(tenant), this::build);
    }

    /** Jersey's name of the redirect switch: a redirect would take the caller's API key to another address. */
    static final String FOLLOW_REDIRECTS = "jersey.config.client.followRedirects";

    private UpstreamApi build(URI base) {
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(Math.min(readTimeoutMillis, TimeUnit.SECONDS.toMillis(callTimeoutSeconds)), TimeUnit.MILLISECONDS)
                .property(FOLLOW_REDIRECTS, false)
                .register(new TargetFilter(base))
                .build();
        // non-2xx answers come back as responses to explain: Invocation.Builder#method never throws for them
        return new UpstreamApi(client.target(base));
    }
}
