package com.trackdesk.mcp.execution.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldProjectionTest {

    static final Map<String, Object> AFFILIATES = Map.of(
            "affiliates", List.of(
                    Map.of("id", "a1", "createdAt", "2026-11-20", "email", "ada@example.com", "user", Map.of("name", "Ada")),
                    Map.of("id", "a2", "createdAt", "2026-11-21", "email", "bob@example.com", "user", Map.of("name", "Bob"))),
            "total", 2);

    @Test
    void keepsOnlyTheNamedPathsThroughLists() {
        Object projected = FieldProjection.project(AFFILIATES, List.of("affiliates.id", "affiliates.user.name", "total"));
        assertThat(projected).isEqualTo(Map.of(
                "affiliates", List.of(Map.of("id", "a1", "user", Map.of("name", "Ada")),
                        Map.of("id", "a2", "user", Map.of("name", "Bob"))),
                "total", 2));
    }

    @Test
    void noFieldsMeansTheWholeAnswer() {
        assertThat(FieldProjection.project(AFFILIATES, List.of())).isSameAs(AFFILIATES);
    }

    @Test
    void unknownPathsSimplyYieldNothing() {
        assertThat(FieldProjection.project(AFFILIATES, List.of("nope.id"))).isEqualTo(Map.of());
    }

    @Test
    void aWholeSubtreeWinsOverItsParts() {
        Object projected = FieldProjection.project(AFFILIATES, List.of("affiliates", "affiliates.id"));
        assertThat(projected).isEqualTo(Map.of("affiliates", AFFILIATES.get("affiliates")));
    }
}
