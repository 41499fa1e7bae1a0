package com.trackdesk.mcp.catalog.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOnlyRuleTest {

    private final ReadOnlyRule rule = new ReadOnlyRule();

    @ParameterizedTest(name = "{0} {3} ({1}) only reads")
    @CsvSource(delimiter = '|', value = {
            "GET   | TagsService_GetTag                                  |                       | /api/node/tags/v1/{id}",
            "HEAD  | repos/check                                         |                       | /repos",
            "POST  | AffiliateService_ListAffiliates                     | Search affiliates     | /api/node/affiliates/v1",
            "POST  | ReportsService_ClickReport                          |                       | /api/reports/click-report/v1",
            "POST  | ClientMetricMovementService_ListClientMetricMovements|                      | /clients/v1/metrics/movements/list",
            "POST  | things_query                                        |                       | /things/query",
            "POST  | doSomething                                         | Search things by name | /things/lookup",
            "POST  | exportStuff                                         |                       | /reports/monthly"})
    void readingOperations(String method, String operationId, String summary, String path) {
        assertThat(rule.isReadOnly(method, operationId, summary == null ? "" : summary, path)).isTrue();
    }

    @ParameterizedTest(name = "{0} {3} ({1}) writes")
    @CsvSource(delimiter = '|', value = {
            "GET    | ConversionService_CreateConversion2 | Track a conversion via GET (postback) | /tracking/conversion/v1",
            "GET    | ConversionService_UpdateConversion2 |                                       | /tracking/conversion/v1/update",
            "POST   | TagsService_CreateTag               | Create a tag                          | /api/node/tags/v1",
            "POST   | WebhooksService_SendWebhook         |                                       | /api/node/webhooks/v1/test",
            "PUT    | AffiliateService_SetAffiliateStatus |                                       | /api/node/affiliates/v1/{id}/status",
            "PATCH  | TiersService_UpdateTier             |                                       | /api/node/tiers/v1/{id}",
            "DELETE | TagsService_DeleteTag               |                                       | /api/node/tags/v1/{id}"})
    void writingOperations(String method, String operationId, String summary, String path) {
        assertThat(rule.isReadOnly(method, operationId, summary == null ? "" : summary, path)).isFalse();
    }

    @Test
    void aPostThatListsInItsPathOnlyReads() {
        assertThat(rule.isReadOnly("POST", "OffersService_Offers", "", "/api/node/offers/v1/list-with-landing-pages")).isTrue();
    }
}
