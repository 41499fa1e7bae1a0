package com.trackdesk.mcp.tenant.control;

import com.trackdesk.mcp.tenant.entity.Tenant;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantResolverTest {

    final TenantResolver withoutDefault = new TenantResolver("trackdesk.com", Optional.empty());
    final TenantResolver withDefault = new TenantResolver("trackdesk.com", Optional.of("demo"));

    @Test
    void subdomainOfTheConfiguredDomainIsTheTenant() {
        assertThat(withoutDefault.resolve("acme.trackdesk.com")).isEqualTo(new Tenant("acme"));
        assertThat(withoutDefault.resolve("ACME.TrackDesk.com:443")).isEqualTo(new Tenant("acme"));
    }

    @Test
    void hostOutsideTheDomainUsesTheDefaultTenantWhenConfigured() {
        assertThat(withDefault.resolve("localhost:8080")).isEqualTo(new Tenant("demo"));
        assertThat(withDefault.resolve("[::1]:8080")).isEqualTo(new Tenant("demo"));
    }

    @Test
    void hostOutsideTheDomainIsRefusedWithoutDefault() {
        assertThatThrownBy(() -> withoutDefault.resolve("localhost:8080"))
                .isInstanceOf(UnknownTenantException.class)
                .hasMessageContaining("<your-subdomain>.trackdesk.com");
    }

    @Test
    void tenantMustBeASingleDnsLabel() {
        assertThatThrownBy(() -> withDefault.resolve("a.b.trackdesk.com")).isInstanceOf(UnknownTenantException.class);
        assertThatThrownBy(() -> withDefault.resolve("-x.trackdesk.com")).isInstanceOf(UnknownTenantException.class);
        assertThatThrownBy(() -> withDefault.resolve("evil.com#.trackdesk.com")).isInstanceOf(UnknownTenantException.class);
    }

    @Test
    void lookalikeDomainIsNotOurs() {
        assertThat(withDefault.resolve("acme.nottrackdesk.com")).isEqualTo(new Tenant("demo"));
        assertThatThrownBy(() -> withoutDefault.resolve("trackdesk.com.evil.io")).isInstanceOf(UnknownTenantException.class);
    }

    @Test
    void tenantPatternNarrowsWhichLabelsAreTenants() {
        TenantResolver onlyTwo = new TenantResolver("trackdesk.com", Optional.empty(),
                new TenantPattern(Optional.of("acme|globex")));
        assertThat(onlyTwo.resolve("globex.trackdesk.com")).isEqualTo(new Tenant("globex"));
        assertThatThrownBy(() -> onlyTwo.resolve("initech.trackdesk.com")).isInstanceOf(UnknownTenantException.class);
        TenantResolver permissive = new TenantResolver("trackdesk.com", Optional.empty(), new TenantPattern(Optional.of(".*")));
        assertThatThrownBy(() -> permissive.resolve("a.b.trackdesk.com")).as("still a DNS label only")
                .isInstanceOf(UnknownTenantException.class);
        assertThatThrownBy(() -> new TenantResolver("trackdesk.com", Optional.of("demo"), new TenantPattern(Optional.of("acme"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MCP_TENANT_PATTERN");
    }

    @Test
    void defaultTenantMustItselfBeALabel() {
        assertThatThrownBy(() -> new TenantResolver("trackdesk.com", Optional.of("evil.com/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCP_DEFAULT_TENANT");
    }
}
