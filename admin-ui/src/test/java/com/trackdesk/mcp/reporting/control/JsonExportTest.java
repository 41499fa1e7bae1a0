package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.reporting.entity.ExportRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonExportTest {

    static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ExportRow row(String tenant, String operationId, long calls) {
        return new ExportRow(HOUR, 60, tenant, "execute", operationId, "ok", 200, calls, 9_000, 3_000, 512, 0, 0, 0);
    }

    JsonNode exported() {
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rowsBecomeOneArrayOfObjectsWithTheRowsFields() {
        try (JsonExport json = new JsonExport(out)) {
            json.row(row("acme", "TagsService_ListTags", 3));
            json.row(row("globex", "CouponsService_DeleteCoupon", 1));
        }

        JsonNode array = exported();
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("periodStart").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(array.get(0).get("tenant").asString()).isEqualTo("acme");
        assertThat(array.get(0).get("calls").asLong()).isEqualTo(3);
        assertThat(array.get(1).get("operationId").asString()).isEqualTo("CouponsService_DeleteCoupon");
        assertThat(array.get(1).get("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void noRowsIsAnEmptyArray() {
        new JsonExport(out).close();

        assertThat(exported().isArray()).isTrue();
        assertThat(exported()).isEmpty();
    }

    @Test
    void textThatLooksLikeJsonIsEscapedNotInjected() {
        try (JsonExport json = new JsonExport(out)) {
            json.row(row("acme\",\"admin\":true,\"x\":\"", "Op\n]", 1));
        }

        assertThat(exported()).hasSize(1);
        assertThat(exported().get(0).get("tenant").asString()).isEqualTo("acme\",\"admin\":true,\"x\":\"");
        assertThat(exported().get(0).has("admin")).isFalse();
        assertThat(exported().get(0).get("operationId").asString()).isEqualTo("Op\n]");
    }
}
