package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.newRequestPattern;
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

    /** One changing operation per HTTP method, with what it sends and where it arrives (tenant left out). */
    enum Write {
        POST_CREATE_TAG("POST", "/api/node/tags/v1", Map.of("operationId", "TagsService_CreateTag", "body", NEW_TAG)),
        PUT_AFFILIATE_STATUS("PUT", "/api/node/affiliates/v1/a1/status", Map.of(
                "operationId", "AffiliateService_SetAffiliateStatus", "pathParams", Map.of("sourcePublicId.value", "a1"),
                "body", Map.of("sourcePublicId", Map.of(), "status", "ACCOUNT_STATUS_ENABLED"))),
        PATCH_TIER("PATCH", "/api/node/tiers/v1/tier-1", Map.of("operationId", "TiersService_UpdateTier",
                "pathParams", Map.of("id", "tier-1"), "body", Map.of("name", "Gold"))),
        DELETE_TAG("DELETE", "/api/node/tags/v1/tag-1", Map.of("operationId", "TagsService_DeleteTag",
                "pathParams", Map.of("id", "tag-1")));

        final String method;
        final String path;
        final Map<String, Object> arguments;

        Write(String method, String path, Map<String, Object> arguments) {
            this.method = method;
            this.path = path;
            this.arguments = arguments;
        }
    }

    /** What can go wrong after the request left: the upstream may or may not have applied it. */
    enum UpstreamTrouble {
        SERVICE_UNAVAILABLE(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":14,\"message\":\"unavailable\",\"details\":[]}")),
        BAD_GATEWAY(aResponse().withStatus(502)),
        // longer than the shared server's read timeout of 1.5 s
        NO_ANSWER_IN_TIME(aResponse().withFixedDelay(4_000).withHeader("Content-Type", "application/json").withBody("{}")),
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        CLOSED_WITHOUT_ANSWER(aResponse().withFault(Fault.EMPTY_RESPONSE));

        final ResponseDefinitionBuilder answer;

        UpstreamTrouble(ResponseDefinitionBuilder answer) {
            this.answer = answer;
        }
    }

    /** PATCH is left out: it never reaches the upstream at all (see thePatchMethodReachesTheUpstream). */
    static final List<Write> SENDABLE = List.of(Write.POST_CREATE_TAG, Write.PUT_AFFILIATE_STATUS, Write.DELETE_TAG);
    static final List<UpstreamTrouble> ANSWERED_BADLY_OR_LATE = List.of(UpstreamTrouble.SERVICE_UNAVAILABLE,
            UpstreamTrouble.BAD_GATEWAY, UpstreamTrouble.NO_ANSWER_IN_TIME);
    static final List<UpstreamTrouble> CONNECTION_BROKEN = List.of(UpstreamTrouble.CONNECTION_RESET,
            UpstreamTrouble.CLOSED_WITHOUT_ANSWER);

    static Stream<Arguments> writesAnsweredBadlyOrLate() {
        return combinations(ANSWERED_BADLY_OR_LATE);
    }

    static Stream<Arguments> writesWhoseConnectionBreaks() {
        return combinations(CONNECTION_BROKEN);
    }

    static Stream<Arguments> combinations(List<UpstreamTrouble> troubles) {
        return SENDABLE.stream().flatMap(write -> troubles.stream().map(trouble -> Arguments.of(write, trouble)));
    }

    /**
     * A changing operation that failed may have been applied already: repeating it could create, move or pay
     * twice, so it reaches the upstream exactly once and the caller is told it failed.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("writesAnsweredBadlyOrLate")
    void aChangingOperationAnsweredBadlyOrLateIsSentExactlyOnce(Write write, UpstreamTrouble trouble) {
        assertSentExactlyOnceAndReportedAsFailed(write, trouble);
    }

    /**
     * The same promise when the connection breaks before the answer. Found by this test: Jersey's default connector
     * (the JDK's HttpURLConnection) silently sent the request a second time when the connection was reset or closed
     * before a status line arrived; the rest client now runs on the Apache HttpClient 5 connector, told never to repeat a request.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("writesWhoseConnectionBreaks")
    void aChangingOperationWhoseConnectionBreaksIsSentExactlyOnce(Write write, UpstreamTrouble trouble) {
        assertSentExactlyOnceAndReportedAsFailed(write, trouble);
    }

    void assertSentExactlyOnceAndReportedAsFailed(Write write, UpstreamTrouble trouble) {
        String tenant = ("once-" + write.method + "-" + trouble.name().replace('_', '-')).toLowerCase();
        upstream.stubFor(any(urlPathMatching("/t/" + tenant + "/.*")).willReturn(trouble.answer));

        JsonNode result = execute(tenant, write.arguments);

        assertThat(result.get("isError").asBoolean()).as(text(result)).isTrue();
        upstream.verify(exactly(1), newRequestPattern(RequestMethod.fromString(write.method),
                urlPathEqualTo("/t/" + tenant + write.path)));
        upstream.verify(exactly(1), anyRequestedFor(urlPathMatching("/t/" + tenant + "/.*")));
    }

    /** The same writes do reach the upstream once when it answers: the tests above do not pass for want of a call. */
    @ParameterizedTest
    @EnumSource(value = Write.class, names = {"POST_CREATE_TAG", "PUT_AFFILIATE_STATUS", "DELETE_TAG"})
    void aChangingOperationThatSucceedsIsSentOnce(Write write) {
        assertSucceedsSentOnce(write);
    }

    /**
     * Found by this test: HttpURLConnection knows no PATCH ("Invalid HTTP method"), so every PATCH operation of the
     * API (TiersService_UpdateTier, RevenueOriginsService_UpdateRevenueOrigin, ...) failed "on the network" without
     * reaching the upstream; the Apache HttpClient 5 connector sends it.
     */
    @Test
    void thePatchMethodReachesTheUpstream() {
        assertSucceedsSentOnce(Write.PATCH_TIER);
    }

    void assertSucceedsSentOnce(Write write) {
        String tenant = ("once-ok-" + write.method).toLowerCase();
        upstream.stubFor(any(urlPathMatching("/t/" + tenant + "/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{}")));

        JsonNode result = execute(tenant, write.arguments);

        assertThat(result.get("isError").asBoolean()).as(text(result)).isFalse();
        upstream.verify(exactly(1), newRequestPattern(RequestMethod.fromString(write.method),
                urlPathEqualTo("/t/" + tenant + write.path)));
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
        JsonNode trial = firstCallNotPaused("broken", Duration.ofSeconds(60));
        assertThat(trial.get("isError").asBoolean()).as("trial call after the open period closes the breaker: %s",
                text(trial)).isFalse();
        assertThat(execute("broken", Map.of("operationId", "TagsService_ListTags")).get("isError").asBoolean()).isFalse();
    }

    /** Calls the tenant until its breaker lets a call through (the open period is 2 s; a busy machine may take longer). */
    JsonNode firstCallNotPaused(String tenant, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        JsonNode result = execute(tenant, Map.of("operationId", "TagsService_ListTags"));
        while (text(result).contains("paused")) {
            assertThat(Instant.now()).as("the breaker of '%s' let a trial call through", tenant).isBefore(deadline);
            Thread.sleep(200);
            result = execute(tenant, Map.of("operationId", "TagsService_ListTags"));
        }
        return result;
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
