package com.trackdesk.mcp.search.control;

import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;

/** Reads a synonyms file in Solr format: the bundled Trackdesk defaults or an operator's own file. */
public final class DomainSynonyms {

    public static final String BUNDLED = "search/synonyms.txt";

    private DomainSynonyms() {
    }

    public static SynonymMap bundled() {
        var in = Objects.requireNonNull(DomainSynonyms.class.getClassLoader().getResourceAsStream(BUNDLED),
                "bundled synonyms " + BUNDLED + " missing from the class path");
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SynonymMap fromFile(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read synonyms file " + file, e);
        }
    }

    public static SynonymMap parse(Reader reader, String source) {
        try (var words = SearchAnalyzers.words()) {
            var parser = new SolrSynonymParser(true, true, words);
            parser.parse(reader);
            return parser.build();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid synonyms file " + source + ": " + e.getMessage(), e);
        }
    }
}
