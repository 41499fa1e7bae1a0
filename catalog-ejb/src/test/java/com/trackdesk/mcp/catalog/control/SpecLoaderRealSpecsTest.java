package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.TestFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpecLoaderRealSpecsTest {

    private final SpecLoader loader = new SpecLoader();

    @ParameterizedTest(name = "{0} loads with {1} operations")
    @CsvSource({
            "trackdesk.json, 76",
            "github-api.github.com.json.gz, 1223",
            "stripe-spec3.json.gz, 417",
            "cloudflare-openapi.json.gz, 1533",
            "discord-openapi.json, 242",
            "openai-openapi.json.gz, 288",
            "petstore-3.0.json, 3"
    })
    void everyPublicSpecLoadsWithAllItsOperations(String file, int operations) {
        var catalog = loader.load(TestFixtures.spec(file));

        assertThat(catalog.operations()).hasSize(operations);
        assertThat(catalog.info().operationCount()).isEqualTo(operations);
        assertThat(catalog.operations()).extracting(o -> o.operationId()).doesNotHaveDuplicates();
    }
}
