package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code execute} against an upstream that misbehaves: retries only where repeating is safe,
 * Retry-After honoured within a bound, a circuit breaker per tenant, and every failure explained.
 * Each test uses its own tenant (Host subdomain), so breaker state never leaks between tests.
 */
class ExecuteFaultToleranceIT {

    static final String KEY = "it-key-faults-91c2";
    static final Map<String, Object> NEW_TAG = Map.of("name", "vip", "hexColorCode", "#ff8800",
            "scopes", List.of("TAG_SCOPE_AFFILIATES"));
    static final Map<String, Object> NEW_COUPON = Map.of("source", Map.of("id", "aff-1"), "offerId", "off-1",
            "code", "X", "status", "COUPON_STATUS_ACTIVE");

    final SharedServer server = SharedServer.get();
    final WireMockServer upstream = server.upstream();

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    McpClient tenant(String name) {
        return server.client(KEY).header("Host", name + ".trackdesk.com");
    }

    JsonNode execute(String tenant, Map<String, Object> arguments) {
        return tenant(tenant).call("execute", arguments);
    }

    static String text(JsonNode result) {
        return McpClient.text(result);
    }

    @Test
    void readingOperationsAreRetriedOnServiceUnavailable() {
        upstream.stubFor(get(urlPathEqualTo("/t/retry1/api/node/tags/v1")).willReturn(aResponse().withStatus(503)));

        JsonNode result = execute("retry1", Map.of("operationId", "TagsService_ListTags"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("HTTP 503").contains("try again");
        upstream.verify(3, getRequestedFor(urlPathEqualTo("/t/retry1/api/node/tags/v1")));
    }

    @Test
    void postThatOnlyReadsIsRetriedLikeAGet() {
        upstream.stubFor(post(urlPathEqualTo("/t/retry2/api/node/affiliates/v1")).willReturn(aResponse().withStatus(502)));

        execute("retry2", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));

        upstream.verify(3, postRequestedFor(urlPathEqualTo("/t/retry2/api/node/affiliates/v1")));
    }

    @Test
    void operationsThatCreateAreSentOnlyOnce() {
        upstream.stubFor(post(urlPathEqualTo("/t/once/api/node/tags/v1")).willReturn(aResponse().withStatus(503)));

        JsonNode result = execute("once", Map.of("operationId", "TagsService_CreateTag", "body", NEW_TAG));

        assertThat(result.get("isError").asBoolean()).isTrue();
        upstream.verify(1, postRequestedFor(urlPathEqualTo("/t/once/api/node/tags/v1")));
    }

    @Test
    void shortRetryAfterIsWaitedOutOnce() {
        upstream.stubFor(get(urlPathEqualTo("/t/limited/api/node/tiers/v1")).inScenario("429")
                .whenScenarioStateIs("Started").willSetStateTo("cooled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        upstream.stubFor(get(urlPathEqualTo("/t/limited/api/node/tiers/v1")).inScenario("429")
                .whenScenarioStateIs("cooled")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"tiers\":[]}")));

        JsonNode result = execute("limited", Map.of("operationId", "TiersService_ListTiers"));

        assertThat(result.get("isError").asBoolean()).as(text(result)).isFalse();
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/t/limited/api/node/tiers/v1")));
    }

    @Test
    void longRetryAfterIsReportedNotWaited() {
        upstream.stubFor(get(urlPathEqualTo("/t/storm/api/node/tiers/v1"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        JsonNode result = execute("storm", Map.of("operationId", "TiersService_ListTiers"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("Rate limit").contains("after 120 s");
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/t/storm/api/node/tiers/v1")));
    }

    @Test
    void breakerOpensForTheFailingTenantOnlyAndClosesAfterARecovery() throws InterruptedException {
        upstream.stubFor(get(urlPathMatching("/t/broken/.*")).willReturn(aResponse().withStatus(500)));
        upstream.stubFor(get(urlPathMatching("/t/healthy/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));

        for (int i = 0; i < 5; i++) {
            execute("broken", Map.of("operationId", "TagsService_ListTags"));
        }
        int sentBeforeOpen = upstream.findAll(anyRequestedFor(urlPathMatching("/t/broken/.*"))).size();
        JsonNode refused = execute("broken", Map.of("operationId", "TagsService_ListTags"));
        JsonNode other = execute("healthy", Map.of("operationId", "TagsService_ListTags"));

        assertThat(text(refused)).contains("paused");
        assertThat(upstream.findAll(anyRequestedFor(urlPathMatching("/t/broken/.*")))).hasSize(sentBeforeOpen);
        assertThat(other.get("isError").asBoolean()).as("other tenants are not affected").isFalse();

        upstream.stubFor(get(urlPathMatching("/t/broken/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));
        Thread.sleep(2_500);
        assertThat(execute("broken", Map.of("operationId", "TagsService_ListTags")).get("isError").asBoolean())
                .as("trial call after the open period closes the breaker").isFalse();
        assertThat(execute("broken", Map.of("operationId", "TagsService_ListTags")).get("isError").asBoolean()).isFalse();
    }

    @Test
    void upstreamErrorsAreExplainedWithTheirStatusMessage() {
        upstream.stubFor(get(urlPathEqualTo("/t/errors/api/node/tags/v1/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":5,\"message\":\"tag not found\",\"details\":[]}")));
        upstream.stubFor(post(urlPathEqualTo("/t/errors/api/node/tags/v1")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":6,\"message\":\"tag exists\",\"details\":[]}")));
        upstream.stubFor(post(urlPathEqualTo("/t/errors/api/node/coupons/v1")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":3,\"message\":\"invalid coupon\",\"details\":[{\"field\":\"code\",\"reason\":\"too short\"}]}")));

        assertThat(text(execute("errors", Map.of("operationId", "TagsService_GetTag", "pathParams", Map.of("id", "missing")))))
                .contains("HTTP 404").contains("tag not found").contains("check the ids");
        assertThat(text(execute("errors", Map.of("operationId", "TagsService_CreateTag", "body", NEW_TAG))))
                .contains("HTTP 409").contains("tag exists");
        assertThat(text(execute("errors", Map.of("operationId", "CouponsService_CreateCoupon", "body", NEW_COUPON))))
                .contains("HTTP 422").contains("invalid coupon").contains("too short");
    }

    @Test
    void invalidCallsNeverReachTheUpstream() {
        JsonNode result = execute("strict", Map.of("operationId", "AffiliateService_SetAffiliateStatus",
                "pathParams", Map.of("sourcePublicId", "a1"), "query", Map.of("x", 1),
                "body", Map.of("status", "MAYBE")));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("did you mean 'sourcePublicId.value'").contains("unknown query entry 'x'")
                .contains("/status");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void largeListsAreCutToFitWithTotalsAndAPagingHint() {
        List<Map<String, Object>> affiliates = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            affiliates.add(Map.of("id", "aff-" + i, "name", "Affiliate number " + i, "email", "a" + i + "@example.com",
                    "note", "x".repeat(60)));
        }
        String body = McpClient.JSON.writeValueAsString(Map.of("affiliates", affiliates,
                "pagination", Map.of("totalCount", 400, "hasMore", false)));
        upstream.stubFor(post(urlPathEqualTo("/t/big/api/node/affiliates/v1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));

        JsonNode result = execute("big", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of()));
        JsonNode structured = result.get("structuredContent");

        assertThat(structured.get("truncated").asBoolean()).isTrue();
        assertThat(structured.get("totalItems").asInt()).isEqualTo(400);
        assertThat(structured.get("body").get("affiliates").size()).isEqualTo(structured.get("returnedItems").asInt())
                .isLessThan(400).isPositive();
        assertThat(structured.get("hint").asText()).contains("pagination");
        assertThat(text(result).length()).isLessThan(25_000);
    }

    @Test
    void fieldsKeepOnlyWhatWasAskedFor() {
        upstream.stubFor(post(urlPathEqualTo("/t/fields/api/node/affiliates/v1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"affiliates\":[{\"id\":\"a1\",\"email\":\"ada@example.com\",\"registeredAt\":\"2026-11-20T10:00:00Z\"}]}")));

        JsonNode result = execute("fields", Map.of("operationId", "AffiliateService_ListAffiliates", "body", Map.of(),
                "fields", List.of("affiliates.id", "affiliates.registeredAt")));

        assertThat(result.get("structuredContent").get("body").toString())
                .contains("a1").contains("registeredAt").doesNotContain("ada@example.com");
    }

    @Test
    void nonJsonAndEmptyAnswersAreHandled() {
        upstream.stubFor(get(urlPathEqualTo("/t/plain/api/node/tags/v1")).willReturn(aResponse()
                .withHeader("Content-Type", "text/csv").withBody("id,name\n1,vip\n")));
        upstream.stubFor(get(urlPathEqualTo("/t/plain/api/node/tiers/v1")).willReturn(aResponse().withStatus(204)));

        JsonNode csv = execute("plain", Map.of("operationId", "TagsService_ListTags"));
        JsonNode empty = execute("plain", Map.of("operationId", "TiersService_ListTiers"));

        assertThat(csv.get("structuredContent").get("body").asText()).contains("1,vip");
        assertThat(empty.get("isError").asBoolean()).isFalse();
        assertThat(empty.get("structuredContent").get("status").asInt()).isEqualTo(204);
        assertThat(text(empty)).contains("(empty body)");
    }
}
