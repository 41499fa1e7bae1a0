package com.trackdesk.mcp.hardening;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.testsupport.net.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal 5 of issue #10, the spec side: when MCP_SPEC is a URL that cannot be reached at startup, the
 * catalog serves the bundled Trackdesk spec, marks itself as a fallback and says so in a SEVERE log
 * line — without writing credentials or tokens that the spec URL may carry into the log.
 */
class CatalogFallbackTest {

    final List<LogRecord> records = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final Logger catalogLog = Logger.getLogger(Catalog.class.getName());

    @BeforeEach
    void captureLog() {
        catalogLog.addHandler(capture);
    }

    @AfterEach
    void release() {
        catalogLog.removeHandler(capture);
    }

    static Catalog catalogWith(Map<String, String> settings) throws ReflectiveOperationException {
        Catalog catalog = new Catalog();
        Field spec = Catalog.class.getDeclaredField("spec");
        spec.setAccessible(true);
        spec.set(catalog, Optional.ofNullable(settings.get(Catalog.SPEC_KEY)));
        return catalog;
    }

    String logged() {
        StringBuilder all = new StringBuilder();
        records.forEach(r -> all.append(r.getLevel()).append(' ').append(r.getMessage()).append('\n'));
        return all.toString();
    }

    @Test
    void unreachableSpecUrlFallsBackToTheBundledSpecAndSaysSo() throws Exception {
        Catalog catalog = catalogWith(Map.of("MCP_SPEC", "http://127.0.0.1:" + FreePorts.any() + "/openapi.json"));

        assertThat(catalog.info().fallback()).isTrue();
        assertThat(catalog.operations()).hasSizeGreaterThan(50);
        assertThat(catalog.byId("TagsService_ListTags")).isPresent();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(r.getMessage()).contains("FALLBACK");
        });
    }

    @Test
    void theFallbackMessageDoesNotRepeatSecretsOfTheSpecUrl() throws Exception {
        String secret = "tok-LEAKCHECK-spec-url-5b8e";
        Catalog catalog = catalogWith(Map.of("MCP_SPEC",
                "http://spec-user:" + secret + "@127.0.0.1:" + FreePorts.any() + "/openapi.json?access_token=" + secret));

        assertThat(catalog.info().fallback()).isTrue();
        assertThat(logged()).contains("FALLBACK").doesNotContain(secret);
        assertThat(String.valueOf(catalog.info().source())).doesNotContain(secret);
    }
}
