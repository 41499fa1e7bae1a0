package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asks the product must serve end to end, answered the way an assistant would: search for the
 * operation, then execute it, against the offline sandbox (the demo program in {@code sandbox/}).
 * The shared upstream proxies tenant {@code demo} to a WireMock that serves the sandbox mappings.
 */
class SandboxAsksIT {

    static final String KEY = "it-key-sandbox-3b7e";
    static WireMockServer sandbox;
    final SharedServer server = SharedServer.get();

    @BeforeAll
    static void startSandbox() {
        sandbox = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(Path.of(System.getProperty("sandbox.dir")).toString())
                .globalTemplating(false));
        sandbox.start();
        SharedServer.get().upstream().stubFor(any(urlPathMatching("/t/demo/.*")).atPriority(1)
                .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + sandbox.port())
                        .withProxyUrlPrefixToRemove("/t/demo")));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    McpClient demo() {
        return server.client(KEY).header("Host", "demo.trackdesk.com");
    }

    String topHit(String ask) {
        return topHits(ask).get(0);
    }

    List<String> topHits(String ask) {
        JsonNode result = demo().call("search", Map.of("query", ask, "limit", 3));
        List<String> ids = new ArrayList<>();
        result.get("structuredContent").get("results").forEach(hit -> ids.add(hit.get("operationId").asText()));
        return ids;
    }

    @Test
    void listTheLastFiveAffiliatesThatJoined() {
        String operation = topHit("List the last five affiliates that joined");
        assertThat(operation).isEqualTo("AffiliateService_ListAffiliates");

        JsonNode result = demo().call("execute", Map.of("operationId", operation,
                "body", Map.of("pagination", Map.of("limit", 5))));

        assertThat(result.get("isError").asBoolean()).as(McpClient.text(result)).isFalse();
        JsonNode affiliates = result.get("structuredContent").get("body").get("affiliates");
        assertThat(affiliates).hasSize(5);
        List<Instant> joined = new ArrayList<>();
        affiliates.forEach(a -> joined.add(Instant.parse(a.get("registeredAt").asText())));
        assertThat(joined).as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void approvedConversionsFromThePastSevenDays() {
        String operation = topHit("Show me approved conversions from the past seven days");
        assertThat(operation).isEqualTo("ReportsService_ConversionReport");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JsonNode result = demo().call("execute", Map.of("operationId", operation, "body", Map.of(
                "filters", Map.of(
                        "conversionStatuses", List.of("CONVERSION_STATUS_APPROVED"),
                        "timeRange", Map.of("from", now.minus(7, ChronoUnit.DAYS).toString(), "to", now.toString())),
                "pagination", Map.of("limit", 50))));

        assertThat(result.get("isError").asBoolean()).as(McpClient.text(result)).isFalse();
        JsonNode rows = result.get("structuredContent").get("body").get("rows");
        assertThat(rows.size()).isPositive();
        rows.forEach(row -> {
            assertThat(row.get("conversionStatus").asText()).isEqualTo("CONVERSION_STATUS_APPROVED");
            assertThat(Instant.parse(row.get("createdAt").asText())).isAfter(now.minus(7, ChronoUnit.DAYS));
        });
    }

    @Test
    void howManyApprovedConversionsLastWeekIsAnsweredByTheReportTotal() {
        assertThat(topHit("How many approved conversions did we have last week?"))
                .isIn("ReportsService_ConversionReport", "ReportsService_DailyOverviewReport");
    }

    @Test
    void settingUpConversionsFromAStoredCidFindsTheTrackingCall() {
        assertThat(topHits("Set up creating conversions based on a stored Trackdesk CID"))
                .as("the tracking call (POST or its GET postback twin) among the top three")
                .containsAnyOf("ConversionService_CreateConversion", "ConversionService_CreateConversion2");
    }

    @Test
    void revokedDemoKeyIsExplained() {
        JsonNode result = server.client("revoked-demo-key").header("Host", "demo.trackdesk.com")
                .call("execute", Map.of("operationId", "TagsService_ListTags"));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(result)).contains("401").contains("revoked");
    }
}
