package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import com.trackdesk.mcp.catalog.entity.RequestBody;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ArgumentCheckerTest {

    final ArgumentChecker checker = new ArgumentChecker();

    {
        checker.schemas = new RequestSchemas();
    }

    static final Map<String, Object> STATUS_BODY = Map.of(
            "type", "object",
            "required", List.of("sourcePublicId", "status", "updatedAt"),
            "properties", Map.of(
                    "sourcePublicId", Map.of("type", "object", "properties", Map.of("value", Map.of("type", "string"))),
                    "status", Map.of("type", "string", "enum", List.of("APPROVED", "SUSPENDED")),
                    "updatedAt", Map.of("type", "string", "format", "date-time", "readOnly", true),
                    "note", Map.of("type", "string", "nullable", true)));

    static final Operation SET_STATUS = new Operation("AffiliateService_SetAffiliateStatus", "PUT",
            "/api/node/affiliates/v1/{sourcePublicId.value}/status", "", "", List.of(),
            List.of(new Parameter("sourcePublicId.value", ParameterLocation.PATH, true, "string", null,
                    Map.of("type", "string"), "simple", false)),
            Optional.of(new RequestBody(true, "application/json", null, STATUS_BODY, List.of("sourcePublicId", "status"))),
            List.of("200"), false);

    static final Operation LIST_SETTLEMENTS = new Operation("SettlementService_ListSettlements", "GET",
            "/api/node/billing/v1/settlements", "", "", List.of(),
            List.of(new Parameter("pagination.limit", ParameterLocation.QUERY, false, "integer", null,
                            Map.of("type", "integer", "format", "int32"), "form", true),
                    new Parameter("pagination.offset", ParameterLocation.QUERY, false, "integer", null,
                            Map.of("type", "integer"), "form", true),
                    new Parameter("filter.status", ParameterLocation.QUERY, true, "string", null,
                            Map.of("type", "string", "enum", List.of("OPEN", "PAID")), "form", true)),
            Optional.empty(), List.of("200"), true);

    static ExecutionRequest call(Map<String, Object> pathParams, Map<String, Object> query, Object body) {
        return new ExecutionRequest(Optional.of("x"), Optional.empty(), Optional.empty(), pathParams, query, body, List.of());
    }

    List<String> problems(Operation operation, ExecutionRequest request) {
        return catchThrowableOfType(ExecutionRefused.class, () -> checker.check(operation, request)).problems();
    }

    @Test
    void aValidCallPasses() {
        assertThatCode(() -> checker.check(SET_STATUS, call(Map.of("sourcePublicId.value", "a1"), Map.of(),
                Map.of("status", "APPROVED", "note", "ok")))).doesNotThrowAnyException();
    }

    @Test
    void bodyFieldBoundFromThePathAndReadOnlyFieldsAreNotRequired() {
        assertThatCode(() -> checker.check(SET_STATUS, call(Map.of("sourcePublicId.value", "a1"), Map.of(),
                Map.of("status", "SUSPENDED")))).doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems(SET_STATUS, call(Map.of("sourcePublicId", "a1"), Map.of("x", 1),
                Map.of("status", "MAYBE")));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown pathParams entry 'sourcePublicId'")
                        .contains("did you mean 'sourcePublicId.value'"))
                .anySatisfy(p -> assertThat(p).contains("missing required path parameter 'sourcePublicId.value'"))
                .anySatisfy(p -> assertThat(p).contains("unknown query entry 'x'"))
                .anySatisfy(p -> assertThat(p).startsWith("body").contains("status"));
    }

    @Test
    void missingBodyIsNamedWithItsFields() {
        assertThat(problems(SET_STATUS, call(Map.of("sourcePublicId.value", "a1"), Map.of(), null)))
                .singleElement().asString().contains("missing request body").contains("status");
    }

    @Test
    void queryValuesAreCheckedAgainstTheirTypesAfterReadingNumericText() {
        assertThatCode(() -> checker.check(LIST_SETTLEMENTS, call(Map.of(), Map.of("pagination.limit", "5",
                "filter.status", "OPEN"), null))).doesNotThrowAnyException();
        assertThat(problems(LIST_SETTLEMENTS, call(Map.of(), Map.of("pagination.limit", "five",
                "filter.status", "LOST"), null)))
                .anySatisfy(p -> assertThat(p).contains("query parameter 'pagination.limit'"))
                .anySatisfy(p -> assertThat(p).contains("query parameter 'filter.status'"));
    }

    @Test
    void misspeltQueryNameGetsASuggestion() {
        assertThat(problems(LIST_SETTLEMENTS, call(Map.of(), Map.of("pagination.limt", 5, "filter.status", "OPEN"), null)))
                .singleElement().asString().contains("did you mean 'pagination.limit'");
    }

    @Test
    void operationWithoutBodyRefusesOne() {
        assertThat(problems(LIST_SETTLEMENTS, call(Map.of(), Map.of("filter.status", "OPEN"), Map.of("a", 1))))
                .singleElement().asString().contains("takes no request body");
    }
}
