package com.trackdesk.mcp.catalog.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedOperationIdsTest {

    private final GeneratedOperationIds ids = new GeneratedOperationIds();

    @Test
    void declaredIdsAreKept() {
        assertThat(ids.idFor(" listPets ", "GET", "/pets")).isEqualTo("listPets");
    }

    @Test
    void missingIdsAreMadeFromMethodAndPath() {
        assertThat(ids.idFor(null, "get", "/pets/{petId}/toys")).isEqualTo("GET_pets_petId_toys");
        assertThat(ids.idFor("", "GET", "/")).isEqualTo("GET");
    }

    @Test
    void aGeneratedIdNeverTakesOneTheSpecDeclares() {
        var reserving = new GeneratedOperationIds(List.of("GET_pets"));

        assertThat(reserving.idFor(null, "GET", "/pets")).isEqualTo("GET_pets_2");
        assertThat(reserving.idFor("GET_pets", "POST", "/other")).isEqualTo("GET_pets");
    }

    @Test
    void repeatedIdsGetANumber() {
        assertThat(ids.idFor("dup", "GET", "/a")).isEqualTo("dup");
        assertThat(ids.idFor("dup", "GET", "/b")).isEqualTo("dup_2");
        assertThat(ids.idFor("dup", "GET", "/c")).isEqualTo("dup_3");
    }
}
