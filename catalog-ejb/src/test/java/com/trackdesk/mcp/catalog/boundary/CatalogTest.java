package com.trackdesk.mcp.catalog.boundary;

import com.trackdesk.mcp.MapConfig;
import com.trackdesk.mcp.catalog.entity.CatalogLoadException;
import com.trackdesk.mcp.catalog.entity.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {

    private final MapConfig config = new MapConfig();
    private final Catalog catalog = catalogWith(config);

    @Test
    void withoutConfigurationTheBundledTrackdeskSpecIsServed() {
        assertThat(catalog.info().title()).isEqualTo("Trackdesk public API");
        assertThat(catalog.info().source()).isEqualTo("classpath:trackdesk-openapi.json");
        assertThat(catalog.operations()).hasSize(76);
        assertThat(catalog.info().fallback()).isFalse();
    }

    @Test
    void operationsAreFoundByIdAndByMethodAndPath() {
        assertThat(catalog.byId("TagsService_GetTag")).map(Operation::signature).hasValue("GET /api/node/tags/v1/{id}");
        assertThat(catalog.byMethodAndPath("delete", "/api/node/tags/v1/{id}"))
                .map(Operation::operationId).hasValue("TagsService_DeleteTag");
        assertThat(catalog.byId("NoSuchOperation")).isEmpty();
    }

    @Test
    void unknownIdsGetSuggestions() {
        assertThat(catalog.closestOperationIds("TagService_GetTag", 3)).first().isEqualTo("TagsService_GetTag");
    }

    @Test
    void reloadServesTheNewlyConfiguredSpec(@TempDir Path dir) throws IOException {
        catalog.operations();
        TestCatalogs.pointAt(catalog, copyOf("/specs/openapi-31.json", dir).toString());

        catalog.reload();

        assertThat(catalog.operations()).extracting(Operation::operationId).containsExactly("get_thing", "update_thing");
    }

    @Test
    void aFailedReloadExplainsItselfAndKeepsThePreviousCatalogServing() {
        var before = catalog.snapshot();
        TestCatalogs.pointAt(catalog, "classpath:specs/broken.yaml");

        assertThatThrownBy(catalog::reload)
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("classpath:specs/broken.yaml");
        assertThat(catalog.snapshot()).isSameAs(before);
    }

    @Test
    void anUnreachableUrlAtStartupFallsBackToTheBundledSpecAndSaysSo() {
        var unreachable = catalogWith(new MapConfig().with("MCP_SPEC", "http://127.0.0.1:9/spec.json"));

        assertThat(unreachable.info().fallback()).isTrue();
        assertThat(unreachable.operations()).hasSize(76);
    }

    @Test
    void aBrokenLocalSpecAtStartupFailsLoudly() {
        var broken = catalogWith(new MapConfig().with("MCP_SPEC", "classpath:specs/broken.yaml"));

        assertThatThrownBy(broken::operations).isInstanceOf(CatalogLoadException.class);
    }

    @Test
    void aRefreshThatFindsTheSameDocumentKeepsTheCurrentCatalog() {
        var before = catalog.snapshot();

        catalog.refresh();

        assertThat(catalog.snapshot()).isSameAs(before);
    }

    @Test
    void aRefreshThatFailsKeepsServing() {
        var before = catalog.snapshot();
        TestCatalogs.pointAt(catalog, "/nowhere/spec.json");

        catalog.refresh();

        assertThat(catalog.snapshot()).isSameAs(before);
    }

    private static Catalog catalogWith(MapConfig config) {
        return TestCatalogs.configuredBy(config);
    }

    private static Path copyOf(String resource, Path dir) throws IOException {
        var file = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = CatalogTest.class.getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
