package com.trackdesk.mcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark inputs live: the vendored public specs and evaluation query sets (fixtures/).
 * Run from bench/jmh (or pass -Dfixtures.dir / -Dsearch.eval.dir).
 */
final class BenchFixtures {

    private BenchFixtures() {
    }

    static Path spec(String file) {
        return dir("fixtures.dir", "../../fixtures", "../fixtures", "fixtures").resolve("specs").resolve(file);
    }

    static Path publicQueries() {
        return dir("fixtures.dir", "../../fixtures", "../fixtures", "fixtures").resolve("eval/queries-public.json");
    }

    static Path benchQueries(String file) {
        return dir("search.eval.dir", "../search-eval", "bench/search-eval", "../../bench/search-eval").resolve(file);
    }

    /** The "query" texts of a query set in the fixtures/eval format. */
    static List<String> queryTexts(Path file) {
        try {
            var texts = new ArrayList<String>();
            for (JsonNode query : new ObjectMapper().readTree(file.toFile()).get("queries")) {
                texts.add(query.get("query").asText());
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(String property, String... candidates) {
        var configured = System.getProperty(property);
        if (configured != null) {
            return Path.of(configured);
        }
        for (var candidate : candidates) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Fixtures not found; pass -D" + property + "=...");
    }
}
