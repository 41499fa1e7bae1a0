package com.trackdesk.mcp.hardening;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal 4 of issue #10: every limit holds on the shared server with its configured values —
 * request body size (MCP_MAX_REQUEST_BYTES, default 1 MiB: 413, also for chunked bodies that declare no
 * length), JSON nesting (MCP_MAX_JSON_DEPTH, default 64: -32600 before the SDK parses), response size
 * (MCP_MAX_RESPONSE_CHARS, default 20000), bytes read of an upstream answer (MCP_MAX_UPSTREAM_BYTES, default 1 MiB),
 * bytes of upstream answers held at once (MCP_INSTANCE_ANSWER_BYTES, 2 MiB in SharedServer), upstream read time
 * (MCP_UPSTREAM_TIMEOUT_MS, 1500 in SharedServer) and calls in flight per tenant (MCP_TENANT_CONCURRENCY, default 16: "slow down").
 */
class RequestLimitsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String KEY = "it-key-limits-5e0b";
    static final int MAX_BYTES = 1_048_576;
    static final int MAX_DEPTH = 64;
    static final int MAX_CHARS = 20_000;
    static final int MAX_UPSTREAM_BYTES = 1_048_576;
    static final int UPSTREAM_DELAY_MILLIS = 30_000;
    static final int TENANT_CONCURRENCY = 16;
    static final String PING_HEAD = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"_meta\":{\"pad\":\"";
    static final String PING_TAIL = "\"}}}";

    final WireMockServer upstream = Hardening.server().upstream();

    static String pingOfSize(int bytes) {
        return PING_HEAD + "a".repeat(bytes - PING_HEAD.length() - PING_TAIL.length()) + PING_TAIL;
    }

    static HttpResponse<String> postChunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // a publisher of unknown length makes the client send Transfer-Encoding: chunked
        HttpRequest request = HttpRequest.newBuilder(Hardening.server().mcpUri()).timeout(Hardening.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Api-Key", "limits-key-0123456789")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        return Hardening.send(request);
    }

    /** /mcp answers 401 without credentials; these tests are about limits, so they carry a key. */
    static final Map<String, String> WITH_KEY = Map.of("X-Api-Key", "limits-key-0123456789");

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void bodyAtTheLimitIsServedAndOneByteMoreIs413() {
        HttpResponse<String> atLimit = Hardening.post(pingOfSize(MAX_BYTES), WITH_KEY);
        HttpResponse<String> over = Hardening.post(pingOfSize(MAX_BYTES + 1), WITH_KEY);

        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(json(over).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(json(over).get("error").get("message").asText()).contains("MCP_MAX_REQUEST_BYTES");
    }

    @Test
    void chunkedBodiesWithoutContentLengthAreCountedToo() {
        HttpResponse<String> atLimit = postChunked(pingOfSize(MAX_BYTES));
        HttpResponse<String> over = postChunked(pingOfSize(MAX_BYTES + 1));
        HttpResponse<String> huge = postChunked(pingOfSize(8 * MAX_BYTES));

        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
        assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
        assertThat(json(huge).get("error").get("code").asInt()).isEqualTo(-32600);
    }

    /** Depth of the whole message: envelope 1, params 2, arguments 3, then the body's own levels. */
    static String searchWithTagNestedTo(int totalDepth) {
        int inner = totalDepth - 3;
        return "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":{\"query\":\"tags\","
                + "\"tag\":" + "[".repeat(inner) + "]".repeat(inner) + "}}}";
    }

    @Test
    void nestingAtTheLimitReachesTheToolAndDeeperIsAnInvalidRequest() {
        HttpResponse<String> atLimit = Hardening.post(searchWithTagNestedTo(MAX_DEPTH), WITH_KEY);
        HttpResponse<String> deeper = Hardening.post(searchWithTagNestedTo(MAX_DEPTH + 1), WITH_KEY);
        HttpResponse<String> muchDeeper = Hardening.post(searchWithTagNestedTo(50_000), WITH_KEY);
        HttpResponse<String> bracketsInStrings = Hardening.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"search\",\"arguments\":{\"query\":\"" + "[{".repeat(5_000) + "\"}}}", WITH_KEY);

        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(json(atLimit).has("result")).as(atLimit.body()).isTrue();
        for (HttpResponse<String> refused : List.of(deeper, muchDeeper)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("error").get("code").asInt()).isEqualTo(-32600);
            assertThat(json(refused).get("error").get("message").asText()).contains("MCP_MAX_JSON_DEPTH");
        }
        assertThat(bracketsInStrings.statusCode()).as("brackets inside strings do not count").isEqualTo(200);
    }

    @Test
    void answersLongerThanTheLimitAreCutWithoutBreakingJson() {
        StringBuilder tags = new StringBuilder("{\"tags\":[");
        for (int i = 0; i < 2_000; i++) {
            tags.append(i == 0 ? "" : ",").append("{\"id\":\"tag-").append(i).append("\",\"name\":\"").append("n".repeat(40)).append("\"}");
        }
        tags.append("],\"total\":2000}");
        String unstructured = "x".repeat(200_000);
        upstream.stubFor(any(urlPathMatching("/t/limit-size/api/node/tags/v1")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(tags.toString())));
        upstream.stubFor(any(urlPathMatching("/t/limit-text/api/node/tags/v1")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody(unstructured)));

        JsonNode list = Hardening.server().client(KEY).header("Host", "limit-size.trackdesk.com")
                .call("execute", Map.of("operationId", "TagsService_ListTags"));
        JsonNode text = Hardening.server().client(KEY).header("Host", "limit-text.trackdesk.com")
                .call("execute", Map.of("operationId", "TagsService_ListTags"));

        assertThat(list.get("structuredContent").get("truncated").asBoolean()).isTrue();
        assertThat(list.get("structuredContent").get("totalItems").asInt()).isEqualTo(2_000);
        assertThat(JSON.writeValueAsString(list.get("structuredContent").get("body")).length()).isLessThanOrEqualTo(MAX_CHARS);
        assertThat(text.get("structuredContent").get("truncated").asBoolean()).isTrue();
        assertThat(text.get("content").get(0).get("text").asText().length()).isLessThan(MAX_CHARS + 1_000);
    }

    /** A JSON answer of exactly {@code bytes} bytes: one list of one long string. */
    static String jsonAnswerOf(int bytes) {
        String head = "{\"tags\":[\"";
        String tail = "\"],\"total\":1}";
        return head + "t".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void answersLargerThanTheByteBoundAreRefusedWithoutReadingTheRest() {
        upstream.stubFor(any(urlPathMatching("/t/limit-bytes-at/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonAnswerOf(MAX_UPSTREAM_BYTES))));
        upstream.stubFor(any(urlPathMatching("/t/limit-bytes-over/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonAnswerOf(MAX_UPSTREAM_BYTES + 1))));
        // 12 MiB sent in 12 pieces over 11 s, each wait within the read timeout of 1.5 s, once with its
        // Content-Length and once chunked: reading it to its end (what closing an answer with a Content-Length does,
        // to keep its connection for another call) would take 11 s
        String twelveMiB = jsonAnswerOf(12 * MAX_UPSTREAM_BYTES);
        upstream.stubFor(any(urlPathMatching("/t/limit-bytes-drip/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Content-Length", String.valueOf(twelveMiB.length()))
                .withBody(twelveMiB).withChunkedDribbleDelay(12, 11_000)));
        upstream.stubFor(any(urlPathMatching("/t/limit-bytes-drip-chunked/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(twelveMiB).withChunkedDribbleDelay(12, 11_000)));

        JsonNode atTheBound = listTags("limit-bytes-at");
        JsonNode over = listTags("limit-bytes-over");
        long start = System.nanoTime();
        JsonNode dripping = listTags("limit-bytes-drip");
        long drippingMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        JsonNode drippingChunked = listTags("limit-bytes-drip-chunked");
        long drippingChunkedMillis = (System.nanoTime() - start) / 1_000_000;
        JsonNode afterwards = listTags("limit-bytes-at");

        assertThat(atTheBound.get("isError").asBoolean()).as("an answer of exactly the bound is read").isFalse();
        assertThat(atTheBound.get("structuredContent").get("truncated").asBoolean()).isTrue();
        for (JsonNode refused : List.of(over, dripping, drippingChunked)) {
            assertThat(refused.get("isError").asBoolean()).as(refused.toString()).isTrue();
            assertThat(refused.get("content").get(0).get("text").asText())
                    .contains("answered with more than 1,048,576 bytes").contains("Ask for less");
        }
        assertThat(List.of(drippingMillis, drippingChunkedMillis))
                .as("stopped at the bound instead of reading 12 MiB dripped over 11 s").allSatisfy(millis ->
                        assertThat(millis).isLessThan(8_000L));
        assertThat(upstream.findAll(anyRequestedFor(urlPathMatching("/t/limit-bytes-(over|drip|drip-chunked)/.*"))))
                .as("an answer too large is not asked for again").hasSize(3);
        assertThat(afterwards.get("isError").asBoolean()).as("the connections left after an abort still serve").isFalse();
    }

    @Test
    void answersPastTheInstancesRoomWaitForItAndAreRefusedWhenNoneComesWithinTheCallsTime() throws Exception {
        // SharedServer gives the instance room for 2 MiB of answers at once (MCP_INSTANCE_ANSWER_BYTES); an answer
        // takes room for its Content-Length until it has been read and used. Two answers of the largest size (1 MiB)
        // dripping for a while fill the room; a third call's answer, small as it is, must wait.
        stubDrippingAnswer("limit-room-long", 8_000);
        stubDrippingAnswer("limit-room-short", 3_500);
        upstream.stubFor(any(urlPathMatching("/t/limit-room-small/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the call's budget (MCP_CALL_TIMEOUT_SECONDS, 4 s in SharedServer) ends long before the room frees up
            List<Future<JsonNode>> holders = fillTheRoom(pool, "limit-room-long");
            long start = System.nanoTime();
            JsonNode refused = listTags("limit-room-small");
            long refusedMillis = (System.nanoTime() - start) / 1_000_000;
            for (Future<JsonNode> holder : holders) {
                assertThat(holder.get(60, TimeUnit.SECONDS).get("isError").asBoolean()).as("a holder").isFalse();
            }

            // the room frees up within the call's budget: the call waits for it instead of failing
            holders = fillTheRoom(pool, "limit-room-short");
            JsonNode waited = listTags("limit-room-small");
            for (Future<JsonNode> holder : holders) {
                holder.get(60, TimeUnit.SECONDS);
            }

            assertThat(refused.get("isError").asBoolean()).as(refused.toString()).isTrue();
            assertThat(refused.get("content").get(0).get("text").asText())
                    .contains("Busy: this MCP server is reading as many upstream answers at once as it holds (2,097,152"
                            + " bytes, all Trackdesk programs together)")
                    .contains("'limit-room-small' waited").contains("Retry in a few seconds");
            assertThat(refusedMillis).as("waited for room until the call's time was spent").isGreaterThan(2_000L);
            assertThat(waited.get("isError").asBoolean()).as(waited.toString()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    /** An answer of the largest size, sent in pieces over {@code millis} (each gap within the read timeout). */
    void stubDrippingAnswer(String tenant, int millis) {
        upstream.stubFor(any(urlPathMatching("/t/" + tenant + "/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("Content-Length", String.valueOf(MAX_UPSTREAM_BYTES)).withBody(jsonAnswerOf(MAX_UPSTREAM_BYTES))
                .withChunkedDribbleDelay(millis / 500, millis)));
    }

    /**
     * Two calls whose dripping answers take the instance's whole room, given a moment to get there. WireMock journals a
     * request only once it has answered it, so its journal cannot tell when the answers have begun.
     */
    List<Future<JsonNode>> fillTheRoom(ExecutorService pool, String tenant) throws InterruptedException {
        List<Future<JsonNode>> holders = List.of(pool.submit(() -> listTags(tenant)), pool.submit(() -> listTags(tenant)));
        Thread.sleep(1_500);
        return holders;
    }

    static JsonNode listTags(String tenant) {
        return Hardening.server().client(KEY).header("Host", tenant + ".trackdesk.com")
                .call("execute", Map.of("operationId", "TagsService_ListTags"));
    }

    @Test
    void upstreamSlowerThanTheReadTimeoutEndsAsAToolErrorInBoundedTime() {
        // answers only after 30 s: a call that ends before that did not wait for it
        upstream.stubFor(any(urlPathMatching("/t/limit-slow/.*")).atPriority(1).willReturn(aResponse()
                .withFixedDelay(UPSTREAM_DELAY_MILLIS).withHeader("Content-Type", "application/json").withBody("{}")));
        long start = System.nanoTime();
        JsonNode once = Hardening.server().client(KEY).header("Host", "limit-slow.trackdesk.com").call("execute",
                Map.of("operationId", "TagsService_CreateTag", "body", Map.of("name", "vip", "hexColorCode", "#ff8800",
                        "scopes", List.of("TAG_SCOPE_AFFILIATES"))));
        long onceMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(once.get("isError").asBoolean()).isTrue();
        assertThat(once.get("content").get(0).get("text").asText()).contains("did not answer in time");
        // a busy machine can only make the call slower: the lower bound holds on any machine, and the upper one
        // is the upstream's own delay, twenty times the read timeout
        assertThat(onceMillis).as("waited for one read timeout of 1500 ms, not for the answer")
                .isBetween(1_400L, UPSTREAM_DELAY_MILLIS - 1L);
        assertThat(upstream.findAll(anyRequestedFor(urlPathMatching("/t/limit-slow/.*")))).hasSize(1);
    }

    /**
     * A burst past the tenant's bound is absorbed: the calls beyond it wait for a free slot (at most
     * MCP_TENANT_QUEUE_MS, never past the call's budget) instead of being refused, and another tenant is never
     * held up. A call that finds no slot in time is refused as "Busy" (TenantConcurrencyLimitTest).
     */
    @Test
    void aBurstPastTheTenantsBoundWaitsForFreeSlotsInsteadOfFailing() throws Exception {
        upstream.stubFor(any(urlPathMatching("/t/limit-busy/.*")).atPriority(1).willReturn(aResponse()
                .withFixedDelay(500).withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));
        upstream.stubFor(any(urlPathMatching("/t/limit-calm/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));
        int callers = TENANT_CONCURRENCY + 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> calls = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    JsonNode result = Hardening.server().client(KEY).header("Host", "limit-busy.trackdesk.com")
                            .call("execute", Map.of("operationId", "TagsService_ListTags"));
                    if (result.get("isError").asBoolean()) {
                        failures.add(result.get("content").get(0).get("text").asText());
                    }
                    return null;
                }));
            }
            go.countDown();
            JsonNode otherTenant = Hardening.server().client(KEY).header("Host", "limit-calm.trackdesk.com")
                    .call("execute", Map.of("operationId", "TagsService_ListTags"));
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
            assertThat(otherTenant.get("isError").asBoolean()).as("another tenant is not slowed").isFalse();
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("every call of the burst is served").isEmpty();
        assertThat(upstream.findAll(anyRequestedFor(urlPathMatching("/t/limit-busy/.*")))).hasSize(callers);
    }

    @Test
    void everyLimitIsDocumentedForOperators() throws java.io.IOException {
        java.nio.file.Path readme = java.nio.file.Path.of(System.getProperty("sandbox.dir")).getParent().resolve("README.md");
        String text = java.nio.file.Files.readString(readme);

        assertThat(Stream.of("MCP_MAX_REQUEST_BYTES", "MCP_MAX_RESPONSE_CHARS", "MCP_MAX_UPSTREAM_BYTES", "MCP_UPSTREAM_TIMEOUT_MS",
                "MCP_TENANT_CONCURRENCY", "MCP_INSTANCE_CONCURRENCY", "MCP_TENANT_QUEUE_MS", "MCP_CALL_TIMEOUT_SECONDS", "MCP_MAX_JSON_DEPTH",
                "MCP_TENANT_PATTERN")).allSatisfy(name ->
                assertThat(text).as("README configuration table").contains("`" + name + "`"));
    }
}
