package com.trackdesk.mcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arquillian deploys the mcp-web WAR exactly as built, alone and with no configuration at all, on
 * a fresh Payara Micro: it must come up at the root context with the bundled Trackdesk description,
 * and refuse to guess a tenant for a Host outside trackdesk.com.
 */
@ExtendWith(ArquillianExtension.class)
class WarDeploymentIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("mcp.war")));
    }

    McpClient client() {
        return new McpClient(URI.create(base.toString()).resolve("mcp")).header("X-Api-Key", "it-key-arquillian-0042");
    }

    @Test
    void servesMcpAtTheRootContext() {
        assertThat(URI.create(base.toString()).getPath()).isIn("/", "");
        JsonNode result = client().initialize().get("result");
        assertThat(result.get("serverInfo").get("name").asText()).isEqualTo("trackdesk-mcp");
    }

    @Test
    void bundledTrackdeskDescriptionIsSearchable() {
        JsonNode result = client().call("search", Map.of("query", "AffiliateService_ListAffiliates"));
        assertThat(result.get("structuredContent").get("operation").get("path").asText())
                .isEqualTo("/api/node/affiliates/v1");
    }

    @Test
    void withoutDefaultTenantAForeignHostIsNotGuessed() {
        JsonNode result = client().call("execute", Map.of("operationId", "TagsService_ListTags"));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.text(result)).contains("<your-subdomain>.trackdesk.com");
    }
}
