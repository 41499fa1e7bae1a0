package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SemanticRankingTest {

    private static final OperationCatalog BUNDLED = new SpecLoader().load(Catalog.BUNDLED_SPEC);
    private static SentenceEmbeddings model;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void loadModel() {
        var loaded = TestEmbeddings.model();
        assumeTrue(loaded.isPresent(), "the embedding model loads on this machine");
        model = loaded.get();
    }

    @Test
    void findsWhatIsMeantWithoutSharedWords() {
        var semantic = SemanticRanking.of(BUNDLED, model, cacheDir, Runnable::run);

        var nearest = semantic.nearest("get rid of a discount code", ordinal -> true, 5).orElseThrow();

        var ids = nearest.stream().map(n -> BUNDLED.operations().get(n.ordinal()).operationId()).toList();
        assertThat(ids).contains("CouponsService_DeleteCoupon");
    }

    @Test
    void gibberishIsNearNothing() {
        var semantic = SemanticRanking.of(BUNDLED, model, cacheDir, Runnable::run);

        assertThat(semantic.nearest("qzxv wvvk plmmq", ordinal -> true, 5).orElseThrow()).isEmpty();
    }

    @Test
    void aLargeCatalogIsServedByWordsUntilItsVectorsAreComputedInTheBackground() {
        var postponed = new ArrayList<Runnable>();
        var semantic = SemanticRanking.of(BUNDLED, model, cacheDir, postponed::add, 10);
        var index = SearchIndex.of(BUNDLED, DomainSynonyms.bundled(), java.util.Optional.of(semantic));

        assertThat(semantic.ready()).isFalse();
        assertThat(index.search(SearchQuery.of("list affiliates", 5)).hits()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.reasons()).doesNotContain("similar meaning"));

        postponed.forEach(Runnable::run);

        assertThat(semantic.ready()).isTrue();
        assertThat(index.search(SearchQuery.of("list affiliates", 5)).hits())
                .anySatisfy(hit -> assertThat(hit.reasons()).contains("similar meaning"));
    }

    @Test
    void whileTheModelIsStillLoadingWordsServeAlone() {
        var loading = new java.util.concurrent.CompletableFuture<java.util.Optional<SentenceEmbeddings>>();
        var semantic = SemanticRanking.of(BUNDLED, loading, cacheDir, Runnable::run);

        assertThat(semantic.ready()).isFalse();
        assertThat(semantic.nearest("list affiliates", ordinal -> true, 5)).isEmpty();

        loading.complete(java.util.Optional.of(model));

        assertThat(semantic.ready()).isTrue();
        assertThat(semantic.nearest("list affiliates", ordinal -> true, 5).orElseThrow()).isNotEmpty();
    }

    @Test
    void aModelThatCannotLoadLeavesWordsServingForGood() {
        var failed = java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.<SentenceEmbeddings>empty());
        var semantic = SemanticRanking.of(BUNDLED, failed, cacheDir, Runnable::run);

        assertThat(semantic.whenSettled()).isDone();
        assertThat(semantic.ready()).isFalse();
        assertThat(SearchIndex.of(BUNDLED, DomainSynonyms.bundled(), java.util.Optional.of(semantic))
                .search(SearchQuery.of("list affiliates", 5)).hits()).isNotEmpty();
    }

    @Test
    void vectorsAreComputedOnceAndThenReadFromTheCache() throws Exception {
        SemanticRanking.of(BUNDLED, model, cacheDir, Runnable::run);
        try (var files = Files.list(cacheDir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".vectors")).count()).isEqualTo(1);
        }

        var neverRuns = new ArrayList<Runnable>();
        var again = SemanticRanking.of(BUNDLED, model, cacheDir, neverRuns::add, 10);

        assertThat(again.ready()).as("ready from the cache, nothing computed").isTrue();
        assertThat(neverRuns).isEmpty();
    }

    @Test
    void aCorruptedCacheFileIsComputedAgain() throws Exception {
        SemanticRanking.of(BUNDLED, model, cacheDir, Runnable::run);
        try (var files = Files.list(cacheDir)) {
            for (var file : files.toList()) {
                Files.write(file, new byte[] {0, 0, 0, 1, 0});
            }
        }

        var again = SemanticRanking.of(BUNDLED, model, cacheDir, Runnable::run);

        assertThat(again.ready()).isTrue();
        assertThat(again.nearest("list affiliates", ordinal -> true, 1).orElseThrow()).hasSize(1);
    }

    static List<String> ids(List<OperationVectors.Nearest> nearest) {
        return nearest.stream().map(n -> BUNDLED.operations().get(n.ordinal()).operationId()).toList();
    }
}
