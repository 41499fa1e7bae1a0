package com.trackdesk.mcp.security.control;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Whether a request comes from a page of the console's own server, as the browser tells it. */
class SameOriginTest {

    static HttpServletRequest request(Map<String, String> headers) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader(anyString())).thenAnswer(call -> headers.get(call.<String>getArgument(0)));
        return request;
    }

    @Test
    void fetchMetadataDecidesWhenTheBrowserSendsIt() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Sec-Fetch-Site", "same-origin")))).isTrue();
        for (String other : new String[] {"same-site", "cross-site", "none"}) {
            assertThat(SameOrigin.isSameOrigin(request(Map.of("Sec-Fetch-Site", other)))).as(other).isFalse();
        }
    }

    @Test
    void fetchMetadataWinsOverAnOriginThatLooksRight() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Sec-Fetch-Site", "cross-site",
                "Origin", "http://console.example:8080", "Host", "console.example:8080")))).isFalse();
    }

    @Test
    void anOriginMatchingTheHostIsSameOrigin() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "http://console.example:8080",
                "Host", "console.example:8080")))).isTrue();
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "https://Console.Example",
                "Host", "console.example")))).as("host names are case-insensitive").isTrue();
    }

    @Test
    void aForeignOriginIsNot() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "https://evil.example",
                "Host", "console.example")))).isFalse();
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "http://console.example:9999",
                "Host", "console.example:8080")))).as("another port is another origin").isFalse();
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "http://console.example.evil.example",
                "Host", "console.example")))).as("a look-alike suffix").isFalse();
    }

    @Test
    void anOpaqueOrMalformedOriginIsRefused() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "null", "Host", "console.example")))).isFalse();
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "http://[bad", "Host", "console.example")))).isFalse();
    }

    @Test
    void anOriginWithoutAHostHeaderIsRefused() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Origin", "http://console.example")))).isFalse();
    }

    @Test
    void aRequestWithNeitherHeaderIsAScriptNotACrossSiteBrowserRequest() {
        assertThat(SameOrigin.isSameOrigin(request(Map.of("Host", "console.example")))).isTrue();
    }
}
