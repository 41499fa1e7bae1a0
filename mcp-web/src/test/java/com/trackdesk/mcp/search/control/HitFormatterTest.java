package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.entity.SearchHit;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HitFormatterTest {

    private static final com.trackdesk.mcp.catalog.entity.OperationCatalog BUNDLED = new SpecLoader().load(Catalog.BUNDLED_SPEC);

    private final HitFormatter formatter = new HitFormatter();

    @Test
    void aHitSaysWhyItMatchedOnItsFirstLine() {
        var operation = BUNDLED.byId("AffiliateService_ListAffiliates").orElseThrow();
        var hit = new SearchHit(operation, 1f, List.of("words: affiliates, list", "similar meaning"), List.of());

        var line = formatter.line(1, hit);

        assertThat(line.lines().findFirst().orElseThrow())
                .startsWith("1. AffiliateService_ListAffiliates - POST /api/node/affiliates/v1 - ")
                .endsWith("[words: affiliates, list; similar meaning]");
        assertThat(formatter.compact(hit)).containsEntry("why", List.of("words: affiliates, list", "similar meaning"))
                .doesNotContainKey("variants");
    }

    @Test
    void siblingsFoldedIntoAHitAreListedByOperationIdOnly() {
        var operation = BUNDLED.byId("AffiliateService_ListAffiliates").orElseThrow();
        var hit = new SearchHit(operation, 1f, List.of(), List.of("OrgService_ListAffiliates", "RepoService_ListAffiliates"));

        assertThat(formatter.line(1, hit)).contains("\n   variants: OrgService_ListAffiliates, RepoService_ListAffiliates");
        assertThat(formatter.compact(hit)).containsEntry("variants", List.of("OrgService_ListAffiliates", "RepoService_ListAffiliates"))
                .doesNotContainKey("why");
    }

    @Test
    void optionalParametersAreOnlyCounted() {
        var operation = BUNDLED.byId("BalanceService_ListOpenBalances").orElseThrow();

        var line = formatter.line(1, new SearchHit(operation, 1f));

        assertThat(line).contains("\n   params: " + operation.parameters().size() + " optional")
                .doesNotContain("pagination.limit");
    }

    /** Five hits must stay cheap for the assistant: at most 400 tokens (about 4 characters each). */
    @Test
    void fiveHitsFitInFourHundredTokens() {
        var index = SearchIndex.of(BUNDLED);
        for (var request : List.of("list the newest affiliates", "approve a pending conversion", "create a coupon for an affiliate")) {
            var hits = index.search(SearchQuery.of(request, 5)).hits();
            var text = java.util.stream.IntStream.range(0, hits.size())
                    .mapToObj(i -> formatter.line(i + 1, hits.get(i))).collect(Collectors.joining("\n"));

            assertThat(hits).hasSize(5);
            assertThat(text.length() / 4).as("tokens of 5 hits for \"" + request + "\":\n" + text).isLessThanOrEqualTo(400);
        }
    }
}
