package com.trackdesk.mcp.hardening;

import com.trackdesk.mcp.execution.control.KeyRedaction;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.protocol.control.JsonDepthLimit;
import com.trackdesk.mcp.tenant.control.TenantPattern;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The new limit and secrecy helpers on their own: depth scan, tenant labels, key redaction. */
class LimitsAndRedactionTest {

    static boolean tooDeep(String json, int max) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JsonDepthLimit.depthExceeds(bytes, bytes.length, max);
    }

    @Test
    void depthCountsObjectsAndArraysButNotBracketsInStrings() {
        assertThat(tooDeep("[[[]]]", 3)).isFalse();
        assertThat(tooDeep("[[[[]]]]", 3)).isTrue();
        assertThat(tooDeep("{\"a\":{\"b\":[1]}}", 3)).isFalse();
        assertThat(tooDeep("{\"a\":{\"b\":[{}]}}", 3)).isTrue();
        assertThat(tooDeep("{\"s\":\"[[[[[[[[{{{{\"}", 2)).isFalse();
        assertThat(tooDeep("{\"s\":\"\\\"[[[[[[\"}", 2)).as("escaped quote stays inside the string").isFalse();
        assertThat(tooDeep("[]".repeat(10_000), 1)).as("siblings do not add up").isFalse();
        assertThat(tooDeep("]]]]" + "[".repeat(3), 3)).as("stray closers never go below zero").isFalse();
        assertThat(tooDeep("[".repeat(1_000_000), 64)).isTrue();
        assertThatThrownBy(() -> new JsonDepthLimit(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new JsonDepthLimit(64).maxDepth()).isEqualTo(64);
    }

    @Test
    void tenantLabelsAreDnsLabelsAndThePatternOnlyNarrows() {
        TenantPattern any = new TenantPattern();
        assertThat(any.matches("acme")).isTrue();
        assertThat(any.matches("a")).isTrue();
        assertThat(any.matches("xn--bcher-kva")).isTrue();
        assertThat(any.matches("a".repeat(63))).isTrue();
        for (String bad : new String[] {"", "a".repeat(64), "-a", "a-", "a.b", "a_b", "ACME", "a b", "a%2e", "ａ", "a\n", null}) {
            assertThat(any.matches(bad)).as(String.valueOf(bad)).isFalse();
        }
        TenantPattern narrow = new TenantPattern(Optional.of("acme|globex"));
        assertThat(narrow.matches("acme")).isTrue();
        assertThat(narrow.matches("initech")).isFalse();
        TenantPattern permissive = new TenantPattern(Optional.of(".*"));
        assertThat(permissive.matches("evil.example")).as("a permissive pattern cannot admit a non-label").isFalse();
        assertThat(permissive.matches("evil")).isTrue();
        assertThat(new TenantPattern(Optional.of("  ")).configured()).isEmpty();
        assertThatThrownBy(() -> new TenantPattern(Optional.of("(")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MCP_TENANT_PATTERN");
    }

    @Test
    void theCallersKeyIsRemovedFromUpstreamAnswers() {
        String key = "tok-LEAKCHECK-redaction-1f2e";
        UpstreamResponse echoed = new UpstreamResponse(401, "application/json",
                "{\"message\":\"invalid key " + key + "\",\"details\":[\"" + key + "\"]}", Optional.empty());

        UpstreamResponse redacted = KeyRedaction.redact(echoed, key);

        assertThat(redacted.body()).doesNotContain(key).contains(KeyRedaction.REDACTED);
        assertThat(redacted.status()).isEqualTo(401);
        UpstreamResponse clean = new UpstreamResponse(200, "application/json", "{\"a\":1}", Optional.empty());
        assertThat(KeyRedaction.redact(clean, key)).isSameAs(clean);
        UpstreamResponse shortKey = new UpstreamResponse(200, "text/plain", "a1 a1 a1", Optional.empty());
        assertThat(KeyRedaction.redact(shortKey, "a1")).as("too short to search for").isSameAs(shortKey);
        assertThat(KeyRedaction.redact(new UpstreamResponse(204, "", null, Optional.empty()), key).body()).isNull();
    }
}
