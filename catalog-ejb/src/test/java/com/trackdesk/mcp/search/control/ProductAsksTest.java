package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asks the product is sold on ("typical asks it must serve end to end") find their operation
 * at the top, on the bundled Trackdesk description. The CID ask is held to the top three: "CID" is
 * also the name of what the click operations return, so "Record a click" ranks beside "Track a
 * conversion" — the summaries shown with each hit make the choice plain to an assistant.
 */
class ProductAsksTest {

    static final SearchIndex INDEX = SearchIndex.of(new SpecLoader().load("classpath:trackdesk-openapi.json"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            List the last five affiliates that joined                   | 1 | AffiliateService_ListAffiliates
            Show me approved conversions from the past seven days       | 1 | ReportsService_ConversionReport
            How many approved conversions did we have last week?        | 1 | ReportsService_ConversionReport ReportsService_DailyOverviewReport
            Set up creating conversions based on a stored Trackdesk CID | 3 | ConversionService_CreateConversion ConversionService_CreateConversion2
            newest affiliates                                           | 1 | AffiliateService_ListAffiliates
            approved conversions last week                              | 1 | ReportsService_ConversionReport
            """)
    void askFindsItsOperationAtTheTop(String ask, int within, String acceptable) {
        List<String> top = INDEX.search(SearchQuery.of(ask, 5)).hits().stream()
                .map(hit -> hit.operation().operationId()).toList();
        assertThat(top.subList(0, Math.min(within, top.size())))
                .as("top 5 for '" + ask + "': " + top)
                .containsAnyElementsOf(List.of(acceptable.split(" ")));
    }
}
