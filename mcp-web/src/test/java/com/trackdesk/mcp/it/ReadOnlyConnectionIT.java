package com.trackdesk.mcp.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write refused by policy never leaves the server. The same valid write is sent once through {@code /mcp}
 * and refused through {@code /mcp/readonly}: the read-only connection is the only difference, so the zero
 * requests the upstream saw are the policy's doing, not a validation error's. (MCP_READ_ONLY and the
 * allow/deny lists are deployment settings; OperationPolicyTest covers them.)
 */
class ReadOnlyConnectionIT {

    static final String KEY = "it-key-read-only-5e1a";
    static final Map<String, Object> ENABLE_AFFILIATE = Map.of("operationId", "AffiliateService_SetAffiliateStatus",
            "pathParams", Map.of("sourcePublicId.value", "a1"),
            "body", Map.of("sourcePublicId", Map.of(), "status", "ACCOUNT_STATUS_ENABLED"));

    final SharedServer server = SharedServer.get();
    final WireMockServer upstream = server.upstream();

    McpClient connection(String path, String tenant) {
        return new McpClient(server.baseUri().resolve(path)).header("X-Api-Key", KEY)
                .header("Host", tenant + ".trackdesk.com");
    }

    @Test
    void aWriteThroughTheReadOnlyUrlReachesTheUpstreamZeroTimes() {
        upstream.stubFor(any(urlPathMatching("/t/read-only-(writable|refused)/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{}")));

        JsonNode sent = connection("mcp", "read-only-writable").call("execute", ENABLE_AFFILIATE);
        JsonNode refused = connection("mcp/readonly", "read-only-refused").call("execute", ENABLE_AFFILIATE);

        assertThat(sent.get("isError").asBoolean()).as("the write itself is valid: %s", McpClient.text(sent)).isFalse();
        upstream.verify(exactly(1), anyRequestedFor(urlPathMatching("/t/read-only-writable/.*")));
        assertThat(refused.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(refused)).contains("read-only").contains("Nothing was sent");
        upstream.verify(exactly(0), anyRequestedFor(urlPathMatching("/t/read-only-refused/.*")));
    }

    @Test
    void aReadThroughTheReadOnlyUrlIsSent() {
        upstream.stubFor(any(urlPathMatching("/t/read-only-reader/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"tags\":[]}")));

        JsonNode read = connection("mcp/readonly", "read-only-reader").call("execute",
                Map.of("operationId", "TagsService_ListTags"));

        assertThat(read.get("isError").asBoolean()).as(McpClient.text(read)).isFalse();
        upstream.verify(exactly(1), anyRequestedFor(urlPathMatching("/t/read-only-reader/.*")));
    }
}
