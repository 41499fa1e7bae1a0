package com.trackdesk.mcp.search.boundary;

import com.trackdesk.mcp.MapConfig;
import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.boundary.TestCatalogs;
import com.trackdesk.mcp.catalog.entity.CatalogLoaded;
import com.trackdesk.mcp.search.control.TestEmbeddings;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationSearchTest {

    /** Words only, unless a test is about meaning: each OperationSearch loads its own model. */
    private final MapConfig config = new MapConfig().with("MCP_SEARCH_SEMANTIC", "off");
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
        TestCatalogs.pointAt(search.catalog, "classpath:specs/openapi-31.json");
        search.catalog.reload();
        search.onCatalogLoaded(new CatalogLoaded(search.catalog.snapshot()));

        var result = search.search(SearchQuery.of("update_thing", 1));

        assertThat(result.exactMatch()).isTrue();
        assertThat(result.hits().get(0).operation().operationId()).isEqualTo("update_thing");
    }

    @Test
    void searchesRunningDuringReloadsAlwaysSeeOneWholeCatalog() throws Exception {
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var searchers = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            searchers.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    try {
                        var hits = search.search(SearchQuery.of("update thing coupon", 5)).hits();
                        var ids = hits.stream().map(hit -> hit.operation().operationId()).toList();
                        // Never a mix of the two specs in one answer.
                        boolean trackdesk = ids.stream().anyMatch(id -> id.contains("Service_"));
                        boolean other = ids.stream().anyMatch(id -> id.endsWith("_thing"));
                        assertThat(trackdesk && other).as("hits from two catalogs: " + ids).isFalse();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }
        for (int reload = 0; reload < 4; reload++) {
            TestCatalogs.pointAt(search.catalog, reload % 2 == 0 ? "classpath:specs/openapi-31.json" : "classpath:trackdesk-openapi.json");
            search.catalog.reload();
        }
        searchers.shutdown();
        assertThat(searchers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void configuredSynonymsReplaceTheBundledOnes() {
        // Words only: by meaning, "voucher" is close to "coupon" whatever the synonyms say.
        var shopConfig = new MapConfig().with("MCP_SEARCH_SYNONYMS", "src/test/resources/specs/synonyms-shop.txt")
                .with("MCP_SEARCH_SEMANTIC", "off");
        var shop = searchOver(catalog(shopConfig), shopConfig);

        assertThat(shop.search(SearchQuery.of("voucher", 5)).hits()).isEmpty();
        assertThat(shop.search(SearchQuery.of("coupon", 5)).hits()).isNotEmpty();
    }

    @Test
    void ranksByMeaningTooOnceTheModelHasLoadedInTheBackground() throws Exception {
        var semanticConfig = new MapConfig().with("MCP_SEARCH_CACHE_DIR", TestEmbeddings.CACHE.toString());
        var search = searchOver(catalog(semanticConfig), semanticConfig);
        search.search(SearchQuery.of("coupon", 1));
        var semantic = search.current().orElseThrow().semantic().orElseThrow();

        // Generous bound: loading the model takes seconds on a busy machine.
        semantic.whenSettled().get(180, TimeUnit.SECONDS);

        assertThat(semantic.ready()).isTrue();
        assertThat(search.search(SearchQuery.of("get rid of a discount code", 5)).hits())
                .anySatisfy(hit -> assertThat(hit.reasons()).contains("similar meaning"));
    }

    @Test
    void semanticRankingCanBeSwitchedOff() {
        var result = search.search(SearchQuery.of("delete a voucher", 3));

        assertThat(result.hits().get(0).operation().operationId()).isEqualTo("CouponsService_DeleteCoupon");
        assertThat(search.current()).hasValueSatisfying(index -> assertThat(index.semantic()).isEmpty());
    }

    @Test
    void aSemanticSwitchOtherThanOnOrOffIsRefusedNamingTheSetting() {
        search.semantic = "maybe";

        assertThatThrownBy(search::checkSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP_SEARCH_SEMANTIC must be on or off, was 'maybe'");
    }

    @Test
    void theSemanticSwitchIgnoresCaseAndSurroundingSpace() {
        assertThat(OperationSearch.rankByMeaning(" OFF ")).isFalse();
        assertThat(OperationSearch.rankByMeaning("On")).isTrue();
    }

    @Test
    void aHitSaysWhyItMatched() {
        var hit = search.search(SearchQuery.of("delete a voucher", 3)).hits().get(0);

        assertThat(hit.operation().operationId()).isEqualTo("CouponsService_DeleteCoupon");
        assertThat(hit.reasons()).contains("words: delete, voucher");
    }

    private static Catalog catalog(MapConfig config) {
        return TestCatalogs.configuredBy(config);
    }

    private static OperationSearch searchOver(Catalog catalog, MapConfig config) {
        var search = new OperationSearch();
        search.catalog = catalog;
        search.synonymsFile = config.getOptionalValue(OperationSearch.SYNONYMS_KEY, String.class);
        config.getOptionalValue(OperationSearch.SEMANTIC_KEY, String.class).ifPresent(value -> search.semantic = value);
        search.cacheDir = config.getOptionalValue(OperationSearch.CACHE_DIR_KEY, String.class);
        config.getOptionalValue(OperationSearch.DATA_DIR_KEY, String.class).ifPresent(value -> search.dataDir = value);
        return search;
    }
}
