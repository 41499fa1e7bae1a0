package com.trackdesk.mcp.tenant.control;

import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamAddressTest {

    @Test
    void defaultTemplateIsTheTenantsTrackdeskHost() {
        assertThat(new UpstreamAddress(UpstreamAddress.DEFAULT_TEMPLATE).baseFor(new Tenant("acme")))
                .isEqualTo(URI.create("https://acme.trackdesk.com"));
    }

    @Test
    void overrideMayIgnoreOrPlaceTheTenant() {
        assertThat(new UpstreamAddress("http://127.0.0.1:8089/").baseFor(new Tenant("acme")))
                .isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(new UpstreamAddress("http://127.0.0.1:9/t/{tenant}").baseFor(new Tenant("acme")))
                .isEqualTo(URI.create("http://127.0.0.1:9/t/acme"));
    }

    @Test
    void templateMustBeAnHttpUrl() {
        assertThatThrownBy(() -> new UpstreamAddress("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpstreamAddress("not a url")).isInstanceOf(IllegalArgumentException.class);
    }
}
