package com.trackdesk.mcp.authorization.control;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.trackdesk.mcp.authorization.entity.ClientRegistration;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client ID Metadata Documents are fetched only from public https hosts, small, fast and without redirects.
 * The refusals run with the guard as in production; the fetches from a local https WireMock need the documented
 * test-only switch (MCP_OAUTH_CIMD_INSECURE_TEST_MODE), since tests cannot reach a public host.
 */
class MetadataDocumentsTest {

    static WireMockServer https;
    final MetadataDocuments guarded = new MetadataDocuments(5000, false);
    final MetadataDocuments testMode = new MetadataDocuments(5000, true);

    @BeforeAll
    static void start() {
        https = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        https.start();
    }

    @AfterAll
    static void stop() {
        https.stop();
    }

    @BeforeEach
    void reset() {
        https.resetAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/client.json", "https://localhost/client.json", "https://10.0.0.7/client.json",
            "https://169.254.169.254/latest/meta-data", "https://[::1]/client.json", "https://192.168.0.1/c"})
    void hostsThatResolveToPrivateLoopbackOrLinkLocalAddressesAreRefusedBeforeAnyConnection(String url) {
        assertThatThrownBy(() -> guarded.fetch(url)).isInstanceOf(OAuthProblem.class)
                .hasMessageContaining("private, loopback or link-local");
    }

    @Test
    void theGuardAlsoAppliesToTheLocalTestServerWhenTestModeIsOff() {
        serve(document(url("/client.json")));
        assertThatThrownBy(() -> guarded.fetch(url("/client.json"))).isInstanceOf(OAuthProblem.class);
        assertThat(https.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/client.json", "https://example.com", "https://user@example.com/c.json",
            "https://example.com/c.json#x"})
    void onlyHttpsUrlsWithAPathAreDocuments(String url) {
        assertThatThrownBy(() -> guarded.fetch(url)).isInstanceOf(OAuthProblem.class);
    }

    @Test
    void aDocumentGivesTheClientsNameAndRedirectUrisAndIsCachedBriefly() {
        serve(document(url("/client.json")));
        ClientRegistration client = testMode.fetch(url("/client.json"));
        assertThat(client.name()).isEqualTo("Example Assistant");
        assertThat(client.redirectUris()).containsExactly("https://assistant.example/callback");
        testMode.fetch(url("/client.json"));
        https.verify(1, getRequestedFor(urlPathEqualTo("/client.json")));
    }

    @Test
    void anOversizedDocumentIsRefused() {
        serve("{\"client_id\":\"" + url("/client.json") + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        assertThatThrownBy(() -> testMode.fetch(url("/client.json"))).hasMessageContaining("larger than");
    }

    @Test
    void aSlowDocumentIsRefused() {
        https.stubFor(get(urlPathEqualTo("/client.json")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(document(url("/client.json"))).withFixedDelay(20_000)));
        assertThatThrownBy(() -> testMode.fetch(url("/client.json"))).hasMessageContaining("in time");
    }

    @Test
    void aSlowlyTrickledDocumentIsRefused() {
        https.stubFor(get(urlPathEqualTo("/client.json")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(document(url("/client.json"))).withChunkedDribbleDelay(20, 20_000)));
        assertThatThrownBy(() -> testMode.fetch(url("/client.json"))).hasMessageContaining("in time");
    }

    @Test
    void redirectsAreNotFollowed() {
        https.stubFor(get(urlPathEqualTo("/client.json")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data")));
        assertThatThrownBy(() -> testMode.fetch(url("/client.json"))).hasMessageContaining("redirects are not followed");
    }

    @Test
    void aDocumentMustNameItsOwnUrlAsClientId() {
        serve(document("https://other.example/client.json"));
        assertThatThrownBy(() -> testMode.fetch(url("/client.json"))).hasMessageContaining("must equal its URL");
    }

    @Test
    void aDocumentWithUnsafeRedirectUrisIsRefused() {
        serve("{\"client_id\":\"" + url("/client.json") + "\",\"redirect_uris\":[\"javascript:alert(1)\"]}");
        assertThatThrownBy(() -> testMode.fetch(url("/client.json"))).hasMessageContaining("scheme not allowed");
    }

    private static void serve(String body) {
        https.stubFor(get(urlPathEqualTo("/client.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String document(String clientId) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Example Assistant\","
                + "\"redirect_uris\":[\"https://assistant.example/callback\"]}";
    }

    private static String url(String path) {
        return "https://localhost:" + https.httpsPort() + path;
    }
}
