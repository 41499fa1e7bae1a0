package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamTargetBuilderTest {

    final UpstreamTargetBuilder builder = new UpstreamTargetBuilder();

    static Parameter path(String name) {
        return new Parameter(name, ParameterLocation.PATH, true, "string", null, Map.of("type", "string"), "simple", false);
    }

    static Parameter query(String name, String type, String style, boolean explode) {
        return new Parameter(name, ParameterLocation.QUERY, false, type, null, Map.of("type", type), style, explode);
    }

    static Operation operation(String path, Parameter... parameters) {
        return new Operation("Op", "GET", path, "", "", List.of(), List.of(parameters), Optional.empty(),
                List.of("200"), true);
    }

    static ExecutionRequest call(Map<String, Object> pathParams, Map<String, Object> query) {
        return new ExecutionRequest(Optional.of("Op"), Optional.empty(), Optional.empty(), pathParams, query, null, List.of());
    }

    @Test
    void pathValuesAreEncodedSoTheyCannotAddSegments() {
        Operation op = operation("/api/node/affiliates/v1/{accountId}", path("accountId"));
        assertThat(builder.build(op, call(Map.of("accountId", "a/b c?d#e%f"), Map.of())))
                .isEqualTo("/api/node/affiliates/v1/a%2Fb%20c%3Fd%23e%25f");
    }

    @Test
    void dottedPathPlaceholdersWork() {
        Operation op = operation("/api/node/affiliates/v1/{sourcePublicId.value}/status", path("sourcePublicId.value"));
        assertThat(builder.build(op, call(Map.of("sourcePublicId.value", "aff-1"), Map.of())))
                .isEqualTo("/api/node/affiliates/v1/aff-1/status");
    }

    @Test
    void dotSegmentsAreRefused() {
        Operation op = operation("/api/node/tags/v1/{id}", path("id"));
        assertThatThrownBy(() -> builder.build(op, call(Map.of("id", ".."), Map.of())))
                .isInstanceOf(ExecutionRefused.class).hasMessageContaining("'..'");
    }

    @Test
    void unicodeAndTemplateCharactersInValuesAreEncodedLiterally() {
        Operation op = operation("/api/node/tags/v1/{id}", path("id"), query("q", "string", "form", true));
        assertThat(builder.build(op, call(Map.of("id", "zürich"), Map.of("q", "{x} & y"))))
                .isEqualTo("/api/node/tags/v1/z%C3%BCrich?q=%7Bx%7D+%26+y");
    }

    @Test
    void dottedQueryNamesAndNumbersKeepTheirShape() {
        Operation op = operation("/api/node/billing/v1/settlements", query("pagination.limit", "integer", "form", true));
        assertThat(builder.build(op, call(Map.of(), Map.of("pagination.limit", 5.0))))
                .isEqualTo("/api/node/billing/v1/settlements?pagination.limit=5");
    }

    @Test
    void arraysFollowStyleAndExplode() {
        Operation exploded = operation("/x", query("status", "array", "form", true));
        Operation joined = operation("/x", query("status", "array", "form", false));
        assertThat(builder.build(exploded, call(Map.of(), Map.of("status", List.of("a", "b")))))
                .isEqualTo("/x?status=a&status=b");
        assertThat(builder.build(joined, call(Map.of(), Map.of("status", List.of("a", "b")))))
                .isEqualTo("/x?status=a%2Cb");
    }

    @Test
    void deepObjectWritesBracketedNames() {
        Operation op = operation("/x", query("filter", "object", "deepObject", true));
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("status", "approved");
        filter.put("min", 3);
        assertThat(builder.build(op, call(Map.of(), Map.of("filter", filter))))
                .isEqualTo("/x?filter%5Bstatus%5D=approved&filter%5Bmin%5D=3");
    }

    @Test
    void lineBreaksNeverReachTheRequestLine() {
        Operation op = operation("/x", query("q", "string", "form", true));
        assertThatThrownBy(() -> builder.build(op, call(Map.of(), Map.of("q", "a\r\nHost: evil"))))
                .isInstanceOf(ExecutionRefused.class);
    }
}
