package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example call in a {@code search} detail answer is what an assistant copies: sent as it is, it must be
 * accepted and bring data back — a page of 5, the last week, real enum values — never 0, "string" or "…".
 */
class ExampleCallTest {

    static final Instant NOW = Instant.parse("2026-12-06T21:30:15Z");
    static final OperationDetails DETAILS = new OperationDetails(Clock.fixed(NOW, ZoneOffset.UTC));
    static final OperationCatalog TRACKDESK = new SpecLoader().load("trackdesk-openapi.json");

    @Test
    void listingAffiliatesAsksForAPageOfFiveRegisteredInTheLastWeekAndFiltersNothingElse() {
        Map<String, Object> call = DETAILS.exampleCall(operation("AffiliateService_ListAffiliates"));

        assertThat(call).containsEntry("operationId", "AffiliateService_ListAffiliates")
                .containsEntry("body", Map.of(
                        "pagination", Map.of("limit", 5L),
                        "filters", Map.of("registeredFrom", "2026-11-29T21:30:15Z", "registeredTo", "2026-12-06T21:30:15Z")));
    }

    @Test
    void pagingQueryParametersGetAPageOfFiveAndRequiredEnumsAMeaningfulValue() {
        Operation listSettlements = new Operation("SettlementService_ListSettlements", "GET", "/api/settlements", "", "",
                List.of(), List.of(
                query("pagination.limit", false, Map.of("type", "integer", "format", "int32")),
                query("pagination.offset", false, Map.of("type", "integer")),
                query("filter.status", true, Map.of("type", "string", "default", "STATUS_UNSPECIFIED",
                        "enum", List.of("STATUS_UNSPECIFIED", "OPEN", "PAID"))),
                query("filter.name", false, Map.of("type", "string")),
                query("createdSince", false, Map.of("type", "string", "format", "date"))),
                Optional.empty(), List.of("200"), true);

        assertThat(DETAILS.exampleCall(listSettlements)).containsEntry("query", Map.of(
                "pagination.limit", 5L, "filter.status", "OPEN", "createdSince", "2026-11-29"));
    }

    @Test
    void valuesOnlyTheCallerKnowsAreNamedPlaceholdersAndSchemaExamplesWin() {
        Operation getAffiliate = new Operation("AffiliateService_GetAffiliate", "GET", "/api/affiliates/{id}/{kind}", "", "",
                List.of(), List.of(
                new Parameter("id", ParameterLocation.PATH, true, "string", null, Map.of("type", "string"), "simple", false),
                new Parameter("kind", ParameterLocation.PATH, true, "string", null,
                        Map.of("type", "string", "example", "partner"), "simple", false)),
                Optional.empty(), List.of("200"), true);

        assertThat(DETAILS.exampleCall(getAffiliate)).containsEntry("pathParams", Map.of("id", "<id>", "kind", "partner"));
    }

    @Test
    void noExampleOfTheBundledApiHoldsZeroOrAMeaninglessString() {
        for (Operation operation : TRACKDESK.operations()) {
            List<Object> values = new ArrayList<>();
            collect(DETAILS.exampleCall(operation), values);

            assertThat(values).as(operation.operationId())
                    .doesNotContain(0, 0L, 0.0, "string", "…", "")
                    .noneMatch(value -> value instanceof String text && text.endsWith("_UNSPECIFIED"));
        }
    }

    static Operation operation(String operationId) {
        return TRACKDESK.operations().stream().filter(o -> o.operationId().equals(operationId)).findFirst().orElseThrow();
    }

    static Parameter query(String name, boolean required, Map<String, Object> schema) {
        return new Parameter(name, ParameterLocation.QUERY, required, String.valueOf(schema.get("type")), null, schema,
                "form", true);
    }

    static void collect(Object value, List<Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        } else {
            into.add(value);
        }
    }
}
