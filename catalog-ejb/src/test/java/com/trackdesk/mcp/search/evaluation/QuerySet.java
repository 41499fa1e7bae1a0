package com.trackdesk.mcp.search.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trackdesk.mcp.TestFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file of evaluation queries in the format of fixtures/eval/README.md: natural-language requests,
 * each with the operationIds that count as a correct answer.
 */
public record QuerySet(String spec, String specFile, String description, List<Query> queries) {

    public record Query(String id, String query, List<String> expected, String primary) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static QuerySet read(Path file) {
        try {
            var set = JSON.readValue(file.toFile(), QuerySet.class);
            return new QuerySet(set.spec(), specPath(file, set.specFile()).toString(), set.description(), set.queries());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read query set " + file, e);
        }
    }

    /** Relative to the query file, as the README says; else by file name among the shared specs. */
    private static Path specPath(Path queryFile, String specFile) {
        var relative = queryFile.toAbsolutePath().getParent().resolve(specFile).normalize();
        return Files.exists(relative) ? relative : TestFixtures.spec(Path.of(specFile).getFileName().toString());
    }
}
