package com.trackdesk.mcp.search.control;

import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuerySpellingTest {

    private final SynonymMap synonyms = DomainSynonyms.parse(new StringReader("discard => discard, delete"), "test");
    private final SearchAnalyzers analyzers = new SearchAnalyzers(Stopwords.bundled(), synonyms);

    @Test
    void aWordOneEditFromAKnownWordIsCorrected() throws IOException {
        var spelling = spelling(Set.of());

        assertThat(spelling.correct("delte the form")).isEqualTo("delete the form");
        assertThat(spelling.correct("list the webhoks")).isEqualTo("list the webhook");
    }

    /** The spec never says "slash" or "forum": they are still words, not typos of "splash" and "form". */
    @Test
    void anEnglishWordTheSpecDoesNotUseIsLeftAlone() throws IOException {
        var spelling = spelling(Set.of());

        assertThat(spelling.correct("register a slash command")).isEqualTo("register a slash command");
        assertThat(spelling.correct("post in the forum")).isEqualTo("post in the forum");
    }

    /** "discord" is no English word, and one edit from the synonym "discard": the API's own name must stay. */
    @Test
    void theApisOwnNameIsLeftAlone() throws IOException {
        assertThat(spelling(Set.of()).correct("send an alert into discord")).isEqualTo("send an alert into discard");
        assertThat(spelling(Set.of("discord")).correct("send an alert into discord")).isEqualTo("send an alert into discord");
    }

    private QuerySpelling spelling(Set<String> spelledWords) throws IOException {
        var index = index(List.of("delete form", "splash screen", "list webhooks", "create command"));
        return QuerySpelling.of(IndexedTerms.of(index, Set.of(OperationFields.SUMMARY)), synonyms, analyzers, spelledWords);
    }

    private IndexReader index(List<String> summaries) throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.index()))) {
            for (var summary : summaries) {
                var doc = new Document();
                doc.add(new TextField(OperationFields.SUMMARY, summary, Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return DirectoryReader.open(directory);
    }
}
