package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.TestFixtures;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdSuggestionsTest {

    private static OperationCatalog trackdesk;
    private final OperationIdSuggestions suggestions = new OperationIdSuggestions();

    @BeforeAll
    static void load() {
        trackdesk = new SpecLoader().load(TestFixtures.spec("trackdesk.json"));
    }

    @Test
    void aMisspeltIdSuggestsTheIntendedOneFirst() {
        assertThat(suggestions.closest(trackdesk.operations(), "CouponsService_DeleteCupon", 3))
                .first().isEqualTo("CouponsService_DeleteCoupon");
    }

    @Test
    void anIdWithoutItsServicePrefixIsRecognised() {
        assertThat(suggestions.closest(trackdesk.operations(), "deleteCoupon", 3))
                .first().isEqualTo("CouponsService_DeleteCoupon");
    }

    @Test
    void aMisspeltMethodAndPathIsComparedWithSignatures() {
        assertThat(suggestions.closest(trackdesk.operations(), "DELETE /api/node/coupon/v1/{id}", 2))
                .first().isEqualTo("CouponsService_DeleteCoupon");
    }

    @Test
    void nothingSimilarSuggestsNothing() {
        assertThat(suggestions.closest(trackdesk.operations(), "zzzzqqqq", 5)).isEmpty();
        assertThat(suggestions.closest(trackdesk.operations(), "  ", 5)).isEmpty();
    }

    @Test
    void noMoreThanAskedFor() {
        assertThat(suggestions.closest(trackdesk.operations(), "TagsService_GetTags", 2)).hasSize(2);
    }
}
