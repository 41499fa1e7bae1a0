package com.trackdesk.mcp.search.control;

import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Repairs typos before the search: a word that neither the index nor the synonyms know is replaced by
 * the known word one edit away ("delte" → "delete", "parnter" → "partner"), using Lucene's
 * {@link DirectSpellChecker} over that vocabulary and the spec's words as spelled ("emebddings" →
 * "embeddings"). Short words are left alone: at four letters one edit turns too many words into other real
 * words ("leak" → "lead").
 */
final class QuerySpelling {

    static final int MIN_LENGTH = 5;
    private static final String WORD = "word";
    private static final SuggestWord[] NONE = new SuggestWord[0];

    private final Set<String> known;
    /** The spec's words as spelled: a word typed exactly like one of them is no typo, even if it is not indexed. */
    private final Set<String> spelledWords;
    private final IndexReader vocabulary;
    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final SearchAnalyzers analyzers;

    private QuerySpelling(Set<String> known, Set<String> spelledWords, IndexReader vocabulary, SearchAnalyzers analyzers) {
        this.known = known;
        this.spelledWords = spelledWords;
        this.vocabulary = vocabulary;
        this.analyzers = analyzers;
        checker.setMaxEdits(1);
        checker.setMinQueryLength(MIN_LENGTH);
        checker.setAccuracy(0.75f);
        // Swapped letters ("wroker", "serach") are the commonest typo: one edit, as Lucene's fuzzy queries count it,
        // not two as plain Levenshtein would (which the accuracy bar then rejects for short words).
        checker.setDistance(new LuceneLevenshteinDistance());
    }

    /**
     * @param indexed      the words of the operation index, all known
     * @param spelledWords the spec's words as spelled ("embeddings"), not only as indexed: the stemmer reduces a
     *                     known word further than the same word with a typo ("embeddings" → "embed", but
     *                     "emebddings" → "emebdding"), which would leave the typo more than one edit from any word
     */
    static QuerySpelling of(IndexedTerms indexed, SynonymMap synonyms, SearchAnalyzers analyzers, Set<String> spelledWords) {
        var known = indexed.all();
        if (synonyms != null) {
            var scratch = new BytesRef();
            for (int i = 0; i < synonyms.words.size(); i++) {
                known.add(synonyms.words.get(i, scratch).utf8ToString());
            }
        }
        EnglishWords.count();
        var suggestible = new HashSet<>(known);
        suggestible.addAll(spelledWords);
        try {
            return new QuerySpelling(Set.copyOf(known), Set.copyOf(spelledWords), vocabularyIndex(suggestible), analyzers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the spelling vocabulary", e);
        }
    }

    String correct(String text) {
        StringBuilder corrected = null;
        int shift = 0;
        int replacedUntil = -1;
        try (var stream = analyzers.typed().tokenStream("query", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                var word = term.toString();
                // The word as typed first: a typo'd word does not stem like the word it misspells.
                var spelled = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                if (offset.startOffset() < replacedUntil || !needsCorrection(word, spelled)) {
                    continue;
                }
                var suggestions = spelled.equals(word) ? NONE
                        : checker.suggestSimilar(new Term(WORD, spelled), 1, vocabulary, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length == 0) {
                    suggestions = checker.suggestSimilar(new Term(WORD, word), 1, vocabulary, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                }
                if (suggestions.length == 0) {
                    continue;
                }
                if (corrected == null) {
                    corrected = new StringBuilder(text);
                }
                var replacement = suggestions[0].string;
                corrected.replace(offset.startOffset() + shift, offset.endOffset() + shift, replacement);
                shift += replacement.length() - (offset.endOffset() - offset.startOffset());
                replacedUntil = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corrected == null ? text : corrected.toString();
    }

    /**
     * @param word    as analysed (stemmed)
     * @param spelled as typed, lower case
     */
    private boolean needsCorrection(String word, String spelled) {
        return word.length() >= MIN_LENGTH
                && !known.contains(word)
                && !spelledWords.contains(spelled)
                && !EnglishWords.contains(spelled)
                && !analyzers.isStopword(word)
                && word.chars().allMatch(Character::isLetter);
    }

    private static IndexReader vocabularyIndex(Set<String> words) throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (var word : words) {
                var doc = new Document();
                doc.add(new StringField(WORD, word, Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return DirectoryReader.open(directory);
    }
}
