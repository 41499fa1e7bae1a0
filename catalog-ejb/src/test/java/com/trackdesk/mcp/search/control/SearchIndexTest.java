package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.TestFixtures;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.entity.SearchHit;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchIndexTest {

    private static SearchIndex trackdesk;

    @BeforeAll
    static void index() {
        trackdesk = SearchIndex.of(new SpecLoader().load(TestFixtures.spec("trackdesk.json")));
    }

    @Test
    void anOperationIdFindsThatOperationFirstAsAnExactMatch() {
        var result = trackdesk.search(SearchQuery.of("CouponsService_DeleteCoupon", 5));

        assertThat(result.exactMatch()).isTrue();
        assertThat(ids(result.hits())).first().isEqualTo("CouponsService_DeleteCoupon");
        assertThat(result.hits()).hasSizeLessThanOrEqualTo(5).doesNotHaveDuplicates();
    }

    @Test
    void anOperationIdInOtherCapitalisationIsStillExact() {
        var result = trackdesk.search(SearchQuery.of("couponsservice_deletecoupon", 5));

        assertThat(result.exactMatch()).isTrue();
        assertThat(ids(result.hits())).first().isEqualTo("CouponsService_DeleteCoupon");
    }

    @Test
    void methodAndPathFindsThatOperationFirstAsAnExactMatch() {
        var result = trackdesk.search(SearchQuery.of("delete /api/node/coupons/v1/{id}", 3));

        assertThat(result.exactMatch()).isTrue();
        assertThat(ids(result.hits())).first().isEqualTo("CouponsService_DeleteCoupon");
    }

    @Test
    void aFilledInPathFindsTheOperationOfItsTemplate() {
        var result = trackdesk.search(SearchQuery.of("GET /api/node/tags/v1/12", 3));

        assertThat(result.exactMatch()).isTrue();
        assertThat(ids(result.hits())).first().isEqualTo("TagsService_GetTag");
    }

    @Test
    void aWholeUrlCopiedFromALogFindsTheOperationOfItsPath() {
        var result = trackdesk.search(SearchQuery.of("GET https://acme.trackdesk.com/api/node/tags/v1/12?expand=all", 3));

        assertThat(result.exactMatch()).isTrue();
        assertThat(ids(result.hits())).first().isEqualTo("TagsService_GetTag");
    }

    @Test
    void aBasePathTheSpecLeavesOutOfItsPathsIsSkipped() {
        var result = trackdesk.search(SearchQuery.of("delete https://acme.example/gateway/v2/api/node/coupons/v1/7", 3));

        assertThat(result.exactMatch()).isTrue();
        assertThat(ids(result.hits())).first().isEqualTo("CouponsService_DeleteCoupon");
    }

    @Test
    void aUrlOfNoOperationIsNoExactMatch() {
        assertThat(trackdesk.search(SearchQuery.of("GET https://acme.trackdesk.com/nothing/here", 3)).exactMatch()).isFalse();
    }

    @Test
    void aLiteralSegmentBeatsAParameterWhenBothFit() {
        var result = trackdesk.search(SearchQuery.of("POST /tracking/conversion/v1/update", 3));

        assertThat(ids(result.hits())).first().isEqualTo("ConversionService_UpdateConversion");
    }

    @Test
    void wordsAreNeverAnExactMatch() {
        assertThat(trackdesk.search(SearchQuery.of("delete a coupon", 3)).exactMatch()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
            "remove a partner                              | AffiliateService_DeleteAffiliate",
            "list our publishers                           | AffiliateService_ListAffiliates",
            "approve a sale                                | ConversionsService_SetConversionStatus",
            "commission report                             | ReportsService_ConversionReport",
            "invalidate a voucher                          | CouponsService_DeleteCoupon",
            "offers with landing pages                     | OffersService_ListOffersWithLandingPages",
            "payout runs                                   | SettlementService_ListSettlements",
            "conversion types allowed for a click id       | ConversionTypesService_ListConversionTypesAvailableForCid",
            "create a referral link                        | TrackingLinksService_BuildTrackingLink",
            "advertiser invoices                           | ClaimService_ListClaims"})
    void domainSynonymsLeadToTrackdesksOwnWords(String query, String expected) {
        assertThat(ids(trackdesk.search(SearchQuery.of(query, 5)).hits())).contains(expected);
    }

    /** "Log" is a verb before "a" and names a report after "click": the synonyms tell the two apart by the article. */
    @Test
    void toLogAThingRecordsItWhileALogIsAReport() {
        assertThat(ids(trackdesk.search(SearchQuery.of("log a click from our server", 5)).hits())).first()
                .isEqualTo("ClicksService_CreateClick");
        assertThat(ids(trackdesk.search(SearchQuery.of("show me the click log", 5)).hits())).first()
                .isEqualTo("ReportsService_ClickReport");
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
            "delte coupon       | CouponsService_DeleteCoupon",
            "afiliate notes     | AccountNoteService_ListAccountNotesForAccount",
            "webhok list        | WebhooksService_ListWebhooks",
            "parnter payouts    | SettlementService_ListAccountSettlements"})
    void aTypoOfOneEditStillFindsTheOperation(String query, String expected) {
        assertThat(ids(trackdesk.search(SearchQuery.of(query, 5)).hits())).contains(expected);
    }

    /** "settelments" stems to "settelment", several edits from the index's "settle": the spelled word is one edit away. */
    @Test
    void aTypoInAWordTheStemmerShortensIsCorrectedAsSpelled() {
        assertThat(ids(trackdesk.search(SearchQuery.of("list settelments", 5)).hits()))
                .contains("SettlementService_ListSettlements");
    }

    @Test
    void conversationalFillerDoesNotDrownTheMeaningfulWords() {
        var plain = ids(trackdesk.search(SearchQuery.of("conversion report", 3)).hits());
        var chatty = ids(trackdesk.search(SearchQuery.of(
                "hey, could you please show me how many conversions we had in the past seven days, last week?", 3)).hits());

        assertThat(chatty).contains("ReportsService_ConversionReport");
        assertThat(chatty.get(0)).isEqualTo(plain.get(0));
    }

    @Test
    void onlyFillerFindsNothingRatherThanAnything() {
        assertThat(trackdesk.search(SearchQuery.of("could you please show me what we have", 5)).hits())
                .allSatisfy(hit -> assertThat(hit.score()).isPositive());
        assertThat(trackdesk.search(SearchQuery.of("the of and to", 5)).hits()).isEmpty();
    }

    @Test
    void tagAndMethodFiltersNarrowTheHits() {
        var query = new SearchQuery("affiliate", 10, Optional.of("reports v1"), Optional.of("post"));

        assertThat(trackdesk.search(query).hits()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.operation().tags()).contains("Reports V1");
            assertThat(hit.operation().method()).isEqualTo("POST");
        });
    }

    @Test
    void anExactMatchOutsideTheFiltersIsNotForcedIn() {
        var query = new SearchQuery("CouponsService_DeleteCoupon", 5, Optional.empty(), Optional.of("GET"));

        var result = trackdesk.search(query);

        assertThat(result.exactMatch()).isFalse();
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.operation().method()).isEqualTo("GET"));
    }

    @Test
    void noMoreHitsThanTheLimitBestFirst() {
        var hits = trackdesk.search(SearchQuery.of("affiliate", 3)).hits();

        assertThat(hits).hasSize(3);
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void emptyTextIsRejectedWithAnExplanation(String text) {
        assertThatThrownBy(() -> trackdesk.search(SearchQuery.of(text, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Search text must not be empty");
        assertThatThrownBy(() -> trackdesk.search(SearchQuery.of(null, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTenKilobyteQueryIsSearchedWithoutTrouble() {
        var essay = "please delete the coupon that leaked on the forum and ".repeat(200);

        assertThat(essay.length()).isGreaterThan(10_000);
        assertThat(ids(trackdesk.search(SearchQuery.of(essay, 5)).hits())).contains("CouponsService_DeleteCoupon");
    }

    @ParameterizedTest
    @ValueSource(strings = {"💸 payouts 🚀", "‮affiliate‬", "e\u0301\u0301\u0301", "\u0000\u0007\u001b[31m", "партнёр",
            "合作伙伴 列表", "\uD800", "\u200B\u200B", "{{{[[[(((", "tag\u00A0list", "*?~^\\\"'"})
    void oddUnicodeNeverBreaksTheSearch(String text) {
        assertThatCode(() -> trackdesk.search(SearchQuery.of(text, 5))).doesNotThrowAnyException();
    }

    @Test
    void aSingleEndlessWordNeverBreaksTheSearch() {
        assertThatCode(() -> trackdesk.search(SearchQuery.of("a".repeat(20_000), 5))).doesNotThrowAnyException();
    }

    @Test
    void anOperatorsOwnSynonymsReplaceTheBundledOnes() {
        var shop = SearchIndex.of(new SpecLoader().load("classpath:specs/shapes.yaml"),
                DomainSynonyms.fromFile(Path.of("src/test/resources/specs/synonyms-shop.txt")));

        assertThat(shop.search(SearchQuery.of("folder items", 2)).hits()).isNotEmpty();
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.operation().operationId()).toList();
    }
}
