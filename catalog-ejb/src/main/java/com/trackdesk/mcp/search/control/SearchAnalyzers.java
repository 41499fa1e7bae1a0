package com.trackdesk.mcp.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * The text analysis shared by index and queries, so both sides agree on what a word is:
 * identifiers split at case changes and separators ({@code CreateAffiliate}, {@code pagination.limit},
 * {@code sub_id}), lower-cased, HTML removed, English-stemmed, filler words dropped.
 * Only queries get synonyms: the index keeps the spec's own words.
 */
public class SearchAnalyzers {

    private static final int WORD_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final CharArraySet stopwords;
    private final Analyzer index;
    private final Analyzer query;
    private final Analyzer typed = words();

    public SearchAnalyzers(Collection<String> stopwords, SynonymMap synonyms) {
        this.stopwords = stemmed(stopwords);
        this.index = new Chain(null, this.stopwords, true);
        // Stopwords are left in the query stream: synonym phrases may contain them ("how many"),
        // and QueryConcepts drops them once the synonym graph has been read.
        this.query = new Chain(synonyms, CharArraySet.EMPTY_SET, false);
    }

    /** Analysis up to (not including) synonyms and stopwords: how synonym files are read. */
    public static Analyzer words() {
        return new Chain(null, CharArraySet.EMPTY_SET, false);
    }

    /** The words as typed (stemmed), without synonyms: tells the typed word from its synonyms. */
    public Analyzer typed() {
        return typed;
    }

    public Analyzer index() {
        return index;
    }

    public Analyzer query() {
        return query;
    }

    public boolean isStopword(String stemmed) {
        return stopwords.contains(stemmed);
    }

    /** Stopwords are compared after stemming, so they go through the same stemmer once. */
    private static CharArraySet stemmed(Collection<String> words) {
        var set = new CharArraySet(words.size(), true);
        try (var analyzer = words()) {
            for (var word : words) {
                try (TokenStream stream = analyzer.tokenStream("", word)) {
                    var term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        set.add(term.toString());
                    }
                    stream.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    /** Words that name a state an item is in; see {@link Chain}. */
    static final CharArraySet STATUS_ADJECTIVES = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "approved", "rejected", "declined", "refunded", "pending", "paid", "unpaid", "suspended",
            "fraudulent", "settled", "unsettled"), true));

    private static final class Chain extends Analyzer {
        private final SynonymMap synonyms;
        private final CharArraySet stopwords;
        private final boolean stripsHtml;

        Chain(SynonymMap synonyms, CharArraySet stopwords, boolean stripsHtml) {
            this.synonyms = synonyms;
            this.stopwords = stopwords;
            this.stripsHtml = stripsHtml;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            // Stripe and GitHub descriptions are HTML/Markdown; markup is not vocabulary. Search text is
            // plain, and the filter allocated a tenth of all memory of a search call (JFR, BENCHMARKS.md).
            return stripsHtml ? new HTMLStripCharFilter(reader) : reader;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new WordDelimiterGraphFilter(tokenizer, true,
                    WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WORD_PARTS, null);
            stream = new LowerCaseFilter(stream);
            // "approved conversions" asks for conversions in a state, not to approve them: status
            // adjectives keep their form so synonyms can tell them from the verbs they stem to.
            stream = new SetKeywordMarkerFilter(stream, STATUS_ADJECTIVES);
            // KStem rather than Porter: it keeps real words ("conversion", not "convers"), so synonyms
            // and spelling suggestions stay readable and fewer unrelated words collapse together.
            // KStem leaves some plurals alone ("sessions", "sales"); the minimal stemmer takes those first.
            stream = new EnglishMinimalStemFilter(stream);
            stream = new KStemFilter(stream);
            if (synonyms != null && synonyms.fst != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            if (!stopwords.isEmpty()) {
                stream = new StopFilter(stream, stopwords);
            }
            if (synonyms == null && OperationFields.IDENTIFIERS.contains(fieldName)) {
                stream = new DistinctTermsFilter(stream);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
