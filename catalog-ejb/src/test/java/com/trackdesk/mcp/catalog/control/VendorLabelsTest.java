package com.trackdesk.mcp.catalog.control;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VendorLabelsTest {

    @Test
    void shortTextsOfAnyExtensionAndOfObjectsInsideOneAreLabels() {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("x-github", Map.of("category", "pulls", "githubCloudOnly", false));
        extensions.put("x-stripeResource", "payment_intent");

        assertThat(VendorLabels.of(extensions)).containsExactlyInAnyOrder("pulls", "payment_intent");
    }

    @Test
    void codeSamplesUrlsListsAndProseAreNotLabels() {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("x-oaiMeta", Map.of(
                "name", "Create speech",
                "examples", Map.of("curl", "curl https://api.openai.com/v1/audio/speech \\\n -d '{}'"),
                "returns", "The audio file content, as a stream of bytes that a client can write to disk directly."));
        extensions.put("x-docs", "https://docs.example.com/speech");
        extensions.put("x-permissions", List.of("audio:write"));

        assertThat(VendorLabels.of(extensions)).containsExactly("Create speech");
    }

    @Test
    void anOperationWithoutExtensionsHasNoLabels() {
        assertThat(VendorLabels.of(null)).isEmpty();
    }
}
