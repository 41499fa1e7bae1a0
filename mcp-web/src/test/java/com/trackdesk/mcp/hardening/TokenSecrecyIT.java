package com.trackdesk.mcp.hardening;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.trackdesk.mcp.testsupport.files.WrittenFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal 1 of issue #10: the caller's token never leaves the request that carried it. Calls carry
 * recognisable tokens ({@code tok-LEAKCHECK-<purpose>-<uuid>}) through every path — success, every
 * upstream error and network fault, timeouts, unknown tenants, refused calls, a missing key, an open
 * breaker, protocol errors, the progress stream, the admin, health and metrics endpoints — with JUL
 * at FINE for com.trackdesk and io.modelcontextprotocol. Then everything the server produced is
 * searched: every answer, Payara's log, the data directory (H2), Payara's runtime directory, the
 * names of all threads, and a heap dump taken after a full GC.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenSecrecyIT {

    static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    static final Map<String, String> ANSWERS = new LinkedHashMap<>();
    static final List<String> FINE_LOGGERS = new ArrayList<>();
    static long logStart;

    static final String NEW_TAG = "{\"name\":\"vip\",\"hexColorCode\":\"#ff8800\",\"scopes\":[\"TAG_SCOPE_AFFILIATES\"]}";

    static WireMockServer upstream;

    @BeforeAll
    static void fineLoggingAndStubs() throws Exception {
        upstream = Hardening.server().upstream();
        logStart = Hardening.logLength();
        try (PayaraJmx jmx = new PayaraJmx(Hardening.payara().pid())) {
            FINE_LOGGERS.addAll(jmx.setLevel("FINE", "com.trackdesk", "io.modelcontextprotocol"));
        }
        System.out.println("[TokenSecrecyIT] loggers at FINE: " + FINE_LOGGERS);
    }

    @AfterAll
    static void backToInfo() throws Exception {
        try (PayaraJmx jmx = new PayaraJmx(Hardening.payara().pid())) {
            jmx.setLevel("INFO", "com.trackdesk", "io.modelcontextprotocol");
        }
    }

    static void stub(String tenant, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        upstream.stubFor(any(urlPathMatching("/t/" + tenant + "/.*")).atPriority(1).willReturn(answer));
    }

    /** One MCP call with a fresh token in X-Api-Key (and, when asked, in other headers too); the answer is kept. */
    static HttpResponse<String> call(String purpose, String tenant, String body, Map<String, String> extra) {
        String token = Hardening.token(purpose);
        TOKENS.add(token);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", token);
        if (tenant != null) {
            headers.put("Host", tenant + ".trackdesk.com");
        }
        extra.forEach((k, v) -> headers.put(k, v.replace("$TOKEN", token)));
        HttpResponse<String> response = Hardening.post(body, headers);
        record(purpose, response);
        return response;
    }

    static void record(String purpose, HttpResponse<String> response) {
        synchronized (ANSWERS) {
            ANSWERS.put(purpose + " #" + ANSWERS.size(), response.statusCode() + " " + response.headers().map() + " " + response.body());
        }
        assertThat(response.statusCode()).as(purpose + ": " + response.body()).isLessThan(500);
        for (String token : TOKENS) {
            assertThat(response.body()).as(purpose).doesNotContain(token);
            assertThat(response.headers().map().toString()).as(purpose).doesNotContain(token);
        }
    }

    static HttpResponse<String> execute(String purpose, String tenant, String arguments) {
        return call(purpose, tenant, Hardening.toolCall("execute", arguments), Map.of());
    }

    @Test
    @Order(1)
    void successfulCallsKeepTheTokenToTheUpstreamHeader() {
        stub("sec-ok", aResponse().withHeader("Content-Type", "application/json").withBody("{\"tags\":[{\"id\":\"t1\"}]}"));

        HttpResponse<String> read = execute("success-read", "sec-ok", "{\"operationId\":\"TagsService_ListTags\"}");
        HttpResponse<String> write = execute("success-write", "sec-ok", "{\"operationId\":\"TagsService_CreateTag\",\"body\":" + NEW_TAG + "}");
        call("search", "sec-ok", Hardening.toolCall("search", "{\"query\":\"list tags\"}"), Map.of());

        assertThat(read.body()).contains("\"isError\":false");
        assertThat(write.body()).contains("\"isError\":false");
        List<LoggedRequest> sent = upstream.findAll(anyRequestedFor(urlPathMatching("/t/sec-ok/.*")));
        assertThat(sent).hasSize(2);
        for (LoggedRequest request : sent) {
            String key = request.getHeader("X-Api-Key");
            assertThat(TOKENS).contains(key);
            assertThat(request.getUrl()).doesNotContain(key);
            assertThat(request.getBodyAsString()).doesNotContain(key);
            for (HttpHeader header : request.getHeaders().all()) {
                if (!header.key().equalsIgnoreCase("X-Api-Key")) {
                    assertThat(header.values().toString()).as(header.key()).doesNotContain(key);
                }
            }
        }
    }

    @Test
    @Order(2)
    void everyUpstreamStatusIsExplainedWithoutTheToken() {
        for (int status : new int[] {400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504}) {
            String tenant = "sec-" + status;
            stub(tenant, aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "120")
                    .withBody("{\"code\":3,\"message\":\"upstream says " + status + "\",\"details\":[]}"));
            HttpResponse<String> answer = execute("status-" + status, tenant, "{\"operationId\":\"TagsService_ListTags\"}");
            assertThat(answer.body()).contains("\"isError\":true").contains("HTTP " + status);
        }
    }

    @Test
    @Order(3)
    void anUpstreamThatEchoesTheKeyIsNotRepeated() {
        stub("sec-echo", aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":16,\"message\":\"invalid key {{request.headers.X-Api-Key}}\",\"details\":"
                        + "[\"{{request.headers.X-Api-Key}}\"]}").withTransformers("response-template"));
        stub("sec-echo-ok", aResponse().withHeader("Content-Type", "text/plain")
                .withBody("key was {{request.headers.X-Api-Key}}").withTransformers("response-template"));

        HttpResponse<String> refused = execute("echo-401", "sec-echo", "{\"operationId\":\"TagsService_ListTags\"}");
        HttpResponse<String> echoed = execute("echo-200", "sec-echo-ok", "{\"operationId\":\"TagsService_ListTags\"}");

        assertThat(refused.body()).contains("HTTP 401").contains("[redacted X-Api-Key]");
        assertThat(echoed.body()).contains("[redacted X-Api-Key]");
    }

    @Test
    @Order(4)
    void networkFaultsAndTimeouts() {
        Map<String, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> faults = new LinkedHashMap<>();
        faults.put("sec-reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        faults.put("sec-empty", aResponse().withFault(Fault.EMPTY_RESPONSE));
        faults.put("sec-random", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        faults.put("sec-chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        faults.put("sec-slow", aResponse().withFixedDelay(3_000).withBody("{}"));
        faults.forEach((tenant, fault) -> {
            stub(tenant, fault);
            HttpResponse<String> answer = execute("fault-" + tenant, tenant,
                    "{\"operationId\":\"TagsService_CreateTag\",\"body\":" + NEW_TAG + "}");
            assertThat(answer.body()).as(tenant).contains("\"isError\":true");
        });
    }

    @Test
    @Order(5)
    void refusedCallsUnknownTenantsAndMissingKeys() {
        execute("unknown-operation", "sec-refused", "{\"operationId\":\"TagsService_ListTagz\"}");
        execute("bad-arguments", "sec-refused", "{\"operationId\":\"TagsService_GetTag\",\"pathParams\":{\"idd\":1}}");
        execute("missing-body", "sec-refused", "{\"operationId\":\"TagsService_CreateTag\"}");
        execute("wrong-type", "sec-refused", "{\"operationId\":[1,2]}");
        call("invalid-host-label", null, Hardening.toolCall("execute", "{\"operationId\":\"TagsService_ListTags\"}"),
                Map.of("Host", "bad_label.trackdesk.com"));
        call("deep-host", null, Hardening.toolCall("execute", "{\"operationId\":\"TagsService_ListTags\"}"),
                Map.of("Host", "a.b.trackdesk.com"));
        // the token in Authorization (not a token this server sealed) and Cookie instead of X-Api-Key: 401
        // invalid_token, and those headers are not echoed or logged
        String token = Hardening.token("authorization-header");
        TOKENS.add(token);
        HttpResponse<String> missing = Hardening.post(Hardening.toolCall("execute", "{\"operationId\":\"TagsService_ListTags\"}"),
                Map.of("Authorization", "Bearer " + token, "Cookie", "session=" + token, "Host", "sec-nokey.trackdesk.com"));
        record("missing-key", missing);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token")
                .doesNotContain(token);
        assertThat(missing.body()).contains("sign in again").doesNotContain(token);
        assertThat(upstream.findAll(anyRequestedFor(urlPathMatching("/t/sec-(refused|nokey)/.*")))).isEmpty();
    }

    @Test
    @Order(6)
    void openBreakerRefusesWithoutTheToken() {
        stub("sec-breaker", aResponse().withStatus(500));
        for (int i = 0; i < 5; i++) {
            execute("breaker-trip-" + i, "sec-breaker", "{\"operationId\":\"TagsService_CreateTag\",\"body\":" + NEW_TAG + "}");
        }
        HttpResponse<String> paused = execute("breaker-open", "sec-breaker", "{\"operationId\":\"TagsService_ListTags\"}");
        assertThat(paused.body()).contains("paused");
    }

    @Test
    @Order(7)
    void protocolErrorsAndOtherTransportPaths() {
        call("malformed-json", "sec-proto", "{\"jsonrpc\":", Map.of());
        call("batch", "sec-proto", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", Map.of());
        call("not-json-rpc", "sec-proto", "{\"hello\":1}", Map.of());
        call("unknown-method", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/explode\"}", Map.of());
        call("unknown-tool", "sec-proto", Hardening.toolCall("nope", "{}"), Map.of());
        call("invalid-params", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"execute\",\"arguments\":\"x\"}}", Map.of());
        call("bad-version", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("MCP-Protocol-Version", "1999-01-01"));
        call("foreign-origin", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Origin", "https://evil.example"));
        call("not-acceptable", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Accept", "text/html"));
        call("notification", "sec-proto", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
        call("unknown-notification", "sec-proto", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/unknown\"}", Map.of());
        call("too-deep", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + "[".repeat(100) + "]".repeat(100) + "}", Map.of());
        call("too-large", "sec-proto", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}", Map.of());
        for (String method : List.of("GET", "DELETE", "PUT")) {
            String token = Hardening.token("method-" + method);
            TOKENS.add(token);
            HttpResponse<String> answer = Hardening.send(HttpRequest.newBuilder(Hardening.server().mcpUri())
                    .timeout(Hardening.REQUEST_TIMEOUT).header("X-Api-Key", token)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            record("method-" + method, answer);
        }
    }

    @Test
    @Order(8)
    void progressStreamCarriesNoToken() {
        stub("sec-sse", aResponse().withFixedDelay(800).withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}"));
        HttpResponse<String> answer = call("progress", "sec-sse", "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"execute\",\"arguments\":{\"operationId\":\"TagsService_ListTags\"},\"_meta\":{\"progressToken\":\"p1\"}}}",
                Map.of("Accept", "application/json, text/event-stream"));
        assertThat(answer.body()).contains("notifications/progress");
    }

    @Test
    @Order(9)
    void adminHealthAndMetricsEndpoints() throws InterruptedException {
        URI base = Hardening.server().baseUri();
        String basic = "Basic " + Base64.getEncoder().encodeToString((Hardening.server().adminUser() + ":"
                + Hardening.server().adminPassword()).getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("admin/", "admin/api/metrics/summary", "admin/api/metrics/calls", "health", "health/ready",
                "metrics", "openapi", "mcp")) {
            String token = Hardening.token("endpoint");
            TOKENS.add(token);
            record("get-" + path, Hardening.get(base.resolve(path), Map.of("X-Api-Key", token, "Authorization", basic)));
            record("get-anon-" + path, Hardening.get(base.resolve(path), Map.of("X-Api-Key", token)));
        }
        // the recorder writes in batches every second: the summary is read once it counts a call made last
        String marker = runMarker();
        execute("admin-marker", null, "{\"operationId\":\"" + marker + "\"}");
        HttpResponse<String> summary = awaitSummaryNaming(base.resolve("admin/api/metrics/summary"), basic, marker);
        record("admin-summary-after-calls", summary);
        System.out.println("[TokenSecrecyIT] admin summary: HTTP " + summary.statusCode() + " "
                + summary.body().substring(0, Math.min(300, summary.body().length())));
    }

    @Test
    @Order(20)
    void nothingTheServerWroteHoldsAToken() throws Exception {
        // the metrics recorder writes calls in the order they came: once the last one is on disk, all are
        String marker = runMarker();
        execute("files-marker", null, "{\"operationId\":\"" + marker + "\"}");
        WrittenFiles.awaitContaining(Hardening.server().dataDir(), marker, Duration.ofSeconds(120));
        LeakScan scan = new LeakScan(TOKENS);
        List<LeakScan.Hit> hits = new ArrayList<>();
        ANSWERS.forEach((what, answer) -> hits.addAll(scan.text("answer " + what, answer)));
        hits.addAll(scan.file(Hardening.server().logFile()));
        hits.addAll(scan.files(Hardening.server().dataDir()));
        runtimeDirectory().ifPresent(dir -> hits.addAll(scan.files(dir)));
        long pid = Hardening.payara().pid();
        hits.addAll(scan.text("thread names (jcmd Thread.print)", Hardening.jcmd(pid, "Thread.print")));

        String newLog = Hardening.readLog().substring((int) Math.min(logStart, Hardening.logLength()));
        System.out.println("[TokenSecrecyIT] " + TOKENS.size() + " tokens, " + ANSWERS.size() + " answers, "
                + newLog.lines().count() + " log lines written meanwhile, FINE records: "
                + newLog.lines().filter(l -> l.contains("FINE")).count());
        assertThat(hits).as("places holding a token").isEmpty();
        assertThat(TOKENS).hasSizeGreaterThan(50);
    }

    @Test
    @Order(21)
    void noLongLivedObjectKeepsAToken() throws Exception {
        // other traffic first, so that reused I/O buffers are overwritten as they would be in service
        for (int i = 0; i < 300; i++) {
            Hardening.post(Hardening.toolCall("search", "{\"query\":\"list affiliates " + i + "\"}"),
                    Map.of("X-Api-Key", "flush-" + "x".repeat(60) + i));
        }
        long pid = Hardening.payara().pid();
        Path dump = Path.of(System.getProperty("it.target", "target"), "payara-secrecy.hprof").toAbsolutePath();
        Files.deleteIfExists(dump);
        Hardening.jcmd(pid, "GC.run");
        String out = Hardening.jcmd(pid, "GC.heap_dump", dump.toString()); // live objects only: a full GC first
        assertThat(Files.exists(dump)).as(out).isTrue();
        try {
            List<HeapDumpScan.Holder> holders = new HeapDumpScan(dump).holders(new ArrayList<>(TOKENS), 12);
            System.out.println("[TokenSecrecyIT] heap dump " + Files.size(dump) / (1024 * 1024) + " MiB, "
                    + TOKENS.size() + " tokens, live arrays holding one: " + holders.size());
            holders.forEach(h -> System.out.println("[TokenSecrecyIT]   " + h));
            List<HeapDumpScan.Holder> retained = holders.stream().filter(h -> !transientBuffer(h)).toList();
            assertThat(retained).as("live objects holding a token, other than reused I/O buffers").isEmpty();
            assertThat(holders.size()).as("transient buffer copies").isLessThanOrEqualTo(TOKENS.size() / 2);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** An operation name no earlier run used (the data directory is kept between runs); the metrics record it as tried. */
    static String runMarker() {
        return "LeakScanMarker_" + UUID.randomUUID().toString().replace("-", "");
    }

    static HttpResponse<String> awaitSummaryNaming(URI summaryUri, String basic, String operation) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        HttpResponse<String> summary = Hardening.get(summaryUri, Map.of("Authorization", basic));
        while (!summary.body().contains(operation)) {
            assertThat(Instant.now()).as("the summary counts the call to %s: %s", operation, summary.body())
                    .isBefore(deadline);
            Thread.sleep(250);
            summary = Hardening.get(summaryUri, Map.of("Authorization", basic));
        }
        return summary;
    }

    /**
     * A copy inside the HTTP server's or client's own I/O machinery: Grizzly's per-thread read buffers, the parsed
     * headers of the last request on a kept-alive connection, and the session buffers of a kept-alive upstream
     * connection of Apache HttpClient (the last request written on it, with its {@code X-Api-Key} header, and the last
     * answer read on it, e.g. one that echoed the key), all overwritten by the next request or answer that thread or
     * connection handles. Decided by the first owner that is not a String, a NIO buffer, an array or Apache's growable
     * byte array (whose own owner says whether it is a connection's session buffer or something else).
     */
    static boolean transientBuffer(HeapDumpScan.Holder holder) {
        for (String owner : holder.referrers()) {
            if (owner.equals("java.lang.String") || owner.startsWith("java.nio.") || owner.startsWith("[")
                    || owner.equals("org.apache.hc.core5.util.ByteArrayBuffer")) {
                continue;
            }
            return owner.startsWith("org.glassfish.grizzly.") || owner.startsWith("sun.net.www.")
                    || owner.startsWith("sun.nio.")
                    || owner.equals("org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl")
                    || owner.equals("org.apache.hc.core5.http.impl.io.SessionInputBufferImpl");
        }
        return false;
    }

    static Optional<Path> runtimeDirectory() throws IOException {
        Matcher m = Pattern.compile("Runtime directory is located at (\\S+)").matcher(Hardening.readLog());
        return m.find() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
    }
}
