package com.trackdesk.mcp.protocol.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OriginPolicyTest {

    @Test
    void pagesOnThisMachineAreAllowed() {
        OriginPolicy policy = new OriginPolicy(Optional.empty());
        assertThat(policy.allows("http://localhost:6274")).isTrue();
        assertThat(policy.allows("http://127.0.0.1")).isTrue();
    }

    @Test
    void otherOriginsOnlyWhenListed() {
        OriginPolicy policy = new OriginPolicy(Optional.of("https://app.example.com, https://Console.Example.com/"));
        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("https://console.example.com")).isTrue();
        assertThat(policy.allows("https://evil.example")).isFalse();
        assertThat(policy.allows("https://localhost.evil.example")).isFalse();
        assertThat(policy.allows("null")).isFalse();
    }
}
