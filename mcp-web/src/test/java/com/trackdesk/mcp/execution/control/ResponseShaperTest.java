package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.entity.ShapedBody;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer is made to fit MCP_MAX_RESPONSE_CHARS by keeping as many of its largest list's first items as fit. */
class ResponseShaperTest {

    static final int MAX_CHARS = 300;
    static final Operation LIST_AFFILIATES = new Catalog().byId("AffiliateService_ListAffiliates").orElseThrow();

    final McpJsonMapper json = McpJsonDefaults.getMapper();
    final ResponseShaper shaper = ExecutionParts.results(json).shaper;

    {
        shaper.maxChars = MAX_CHARS;
    }

    static Map<String, Object> listOf(int count, String name) {
        List<Object> affiliates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            affiliates.add(Map.of("id", "aff-" + i, "name", name));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("affiliates", affiliates);
        answer.put("pagination", Map.of("totalCount", count));
        return answer;
    }

    /** Shapes as the server does, with the length of the upstream's compact text. */
    ShapedBody shape(Object body, List<String> fields) throws IOException {
        return shaper.shape(LIST_AFFILIATES, body, fields, json.writeValueAsString(body).length());
    }

    @Test
    void anAnswerThatFitsIsPassedWhole() throws IOException {
        ShapedBody shaped = shape(listOf(3, "Ada"), List.of());

        assertThat(shaped.truncated()).isFalse();
        assertThat(shaped.body()).isEqualTo(listOf(3, "Ada"));
        assertThat(shaped.text()).isEqualTo(json.writeValueAsString(listOf(3, "Ada")));
    }

    @Test
    void aLongListKeepsAsManyOfItsFirstItemsAsFitAndSaysHowMany() throws IOException {
        ShapedBody shaped = shape(listOf(1_000, "Ada"), List.of());

        assertThat(shaped.truncated()).isTrue();
        assertThat(shaped.totalItems()).hasValue(1_000);
        int kept = shaped.returnedItems().orElseThrow();
        assertThat(shaped.text().length()).isLessThanOrEqualTo(MAX_CHARS);
        assertThat(json.readValue(shaped.text(), Map.class).get("affiliates")).asList().hasSize(kept)
                .first().isEqualTo(Map.of("id", "aff-0", "name", "Ada"));
        Map<String, Object> oneMore = new LinkedHashMap<>(listOf(1_000, "Ada"));
        oneMore.put("affiliates", ((List<?>) oneMore.get("affiliates")).subList(0, kept + 1));
        assertThat(json.writeValueAsString(oneMore).length()).as("one item more would not fit").isGreaterThan(MAX_CHARS);
        assertThat(shaped.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("pagination"));
    }

    @Test
    void itemsThatJsonMustEscapeAreMeasuredAsWritten() throws IOException {
        ShapedBody shaped = shape(listOf(200, "Zoë \"the\" <ünïcödé> \\ 名前"), List.of());

        assertThat(shaped.text().length()).isLessThanOrEqualTo(MAX_CHARS);
        assertThat(json.readValue(shaped.text(), Map.class)).isNotNull();
        assertThat(shaped.returnedItems()).hasValueSatisfying(kept -> assertThat(kept).isPositive());
    }

    @Test
    void aListOfPlainStringsIsMeasuredWithItsQuotes() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("id-" + i);
        }
        ShapedBody shaped = shape(Map.of("ids", ids), List.of());

        assertThat(shaped.text().length()).isLessThanOrEqualTo(MAX_CHARS);
        List<?> kept = (List<?>) json.readValue(shaped.text(), Map.class).get("ids");
        assertThat(json.writeValueAsString(Map.of("ids", ids.subList(0, kept.size() + 1))).length())
                .as("one item more would not fit").isGreaterThan(MAX_CHARS);
    }

    @Test
    void aLongAnswerWhoseRequestedFieldsFitIsPassedWhole() throws IOException {
        ShapedBody shaped = shape(listOf(10, "a long name that takes room ".repeat(5)), List.of("affiliates.id"));

        assertThat(shaped.truncated()).isFalse();
        assertThat((List<?>) ((Map<?, ?>) shaped.body()).get("affiliates")).hasSize(10);
    }

    @Test
    void theLengthOfTheUpstreamsTextChoosesOnlyTheWayNotTheResult() throws IOException {
        Map<String, Object> answer = listOf(1_000, "Ada");

        ShapedBody measuredWhole = shaper.shape(LIST_AFFILIATES, answer, List.of(), 0);
        ShapedBody measuredByItem = shaper.shape(LIST_AFFILIATES, answer, List.of(), Integer.MAX_VALUE);

        assertThat(measuredByItem).isEqualTo(measuredWhole);
    }

    @Test
    void anAnswerTooLongEvenAroundAnEmptyListIsCutAtTheLimit() throws IOException {
        for (int items : List.of(3, 0)) {
            Map<String, Object> answer = new LinkedHashMap<>(listOf(items, "Ada"));
            answer.put("notice", "n".repeat(1_000));

            ShapedBody shaped = shape(answer, List.of());

            assertThat(shaped.truncated()).as("%d items", items).isTrue();
            assertThat(shaped.text()).as("%d items", items).hasSize(MAX_CHARS + 1).endsWith("…");
        }
    }

    @Test
    void anAnswerWithoutAListIsCutAndMarked() throws IOException {
        ShapedBody shaped = shape(Map.of("report", "x".repeat(1_000)), List.of());

        assertThat(shaped.truncated()).isTrue();
        assertThat(shaped.text()).hasSize(MAX_CHARS + 1).endsWith("…");
    }
}
