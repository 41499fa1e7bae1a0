package com.trackdesk.mcp.search.boundary;

import com.trackdesk.mcp.MapConfig;
import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.boundary.TestCatalogs;
import com.trackdesk.mcp.catalog.entity.CatalogLoaded;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationSearchTest {

    private final MapConfig config = new MapConfig();
    private final OperationSearch search = searchOver(catalog(config), config);

    @Test
    void searchesTheCatalogBeingServed() {
        var result = search.search(SearchQuery.of("delete a voucher", 3));

        assertThat(result.hits()).first().satisfies(hit ->
                assertThat(hit.operation().operationId()).isEqualTo("CouponsService_DeleteCoupon"));
    }

    @Test
    void aReloadedCatalogIsSearchedFromThenOn() {
        search.search(SearchQuery.of("coupon", 1));
        config.with("MCP_SPEC", "classpath:specs/openapi-31.json");
        search.catalog.reload();
        search.onCatalogLoaded(new CatalogLoaded(search.catalog.snapshot()));

        var result = search.search(SearchQuery.of("update_thing", 1));

        assertThat(result.exactMatch()).isTrue();
        assertThat(result.hits().get(0).operation().operationId()).isEqualTo("update_thing");
    }

    @Test
    void configuredSynonymsReplaceTheBundledOnes() {
        var shopConfig = new MapConfig().with("MCP_SEARCH_SYNONYMS", "src/test/resources/specs/synonyms-shop.txt");
        var shop = searchOver(catalog(shopConfig), shopConfig);

        assertThat(shop.search(SearchQuery.of("voucher", 5)).hits()).isEmpty();
        assertThat(shop.search(SearchQuery.of("coupon", 5)).hits()).isNotEmpty();
    }

    private static Catalog catalog(MapConfig config) {
        return TestCatalogs.configuredBy(config);
    }

    private static OperationSearch searchOver(Catalog catalog, MapConfig config) {
        var search = new OperationSearch();
        search.catalog = catalog;
        search.config = config;
        return search;
    }
}
