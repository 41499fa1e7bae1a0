package com.trackdesk.mcp.tenant.control;

import com.trackdesk.mcp.tenant.entity.Tenant;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the tenant from the Host header: {@code acme.trackdesk.com} serves tenant {@code acme}.
 * Hosts outside the configured domain (e.g. {@code localhost}) use the default tenant when one
 * is configured, and are refused otherwise.
 */
@ApplicationScoped
public class TenantResolver {

    private String domain;
    private Optional<String> defaultTenant;
    /** A DNS label, narrowed by MCP_TENANT_PATTERN when set: it can never smuggle a host into the upstream URL. */
    private TenantPattern labels;

    TenantResolver() {
        // for CDI
    }

    public TenantResolver(String domain, Optional<String> defaultTenant) {
        this(domain, defaultTenant, new TenantPattern());
    }

    @Inject
    public TenantResolver(@ConfigProperty(name = "MCP_TENANT_DOMAIN", defaultValue = "trackdesk.com") String domain,
                          @ConfigProperty(name = "MCP_DEFAULT_TENANT") Optional<String> defaultTenant,
                          TenantPattern labels) {
        this.labels = labels;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.defaultTenant = defaultTenant.filter(t -> !t.isBlank()).map(t -> t.trim().toLowerCase(Locale.ROOT));
        this.defaultTenant.ifPresent(t -> requireLabel(t, "MCP_DEFAULT_TENANT"));
    }

    public Tenant resolve(String hostHeader) {
        String host = withoutPort(hostHeader == null ? "" : hostHeader.trim().toLowerCase(Locale.ROOT));
        String suffix = "." + domain;
        if (host.endsWith(suffix)) {
            String label = host.substring(0, host.length() - suffix.length());
            if (labels.matches(label)) {
                return new Tenant(label);
            }
            throw new UnknownTenantException("The host '" + printable(host) + "' does not name a valid tenant: use "
                    + "https://<your-subdomain>." + domain + "/mcp");
        }
        return defaultTenant.map(Tenant::new).orElseThrow(() -> new UnknownTenantException(
                "Cannot tell which Trackdesk program to use: connect to https://<your-subdomain>." + domain
                        + "/mcp (the host '" + printable(host) + "' is not under " + domain + ")."));
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    private void requireLabel(String tenant, String setting) {
        if (!labels.matches(tenant)) {
            throw new IllegalArgumentException(setting + " must be a DNS label (letters, digits, '-')"
                    + labels.configured().map(p -> " matching MCP_TENANT_PATTERN " + p).orElse("") + ", got '" + tenant + "'");
        }
    }

    /** Hosts come from the network: keep odd characters out of messages. */
    private static String printable(String host) {
        String cut = host.length() > 80 ? host.substring(0, 80) + "…" : host;
        return cut.replaceAll("[^a-z0-9.\\-:\\[\\]]", "?");
    }
}
