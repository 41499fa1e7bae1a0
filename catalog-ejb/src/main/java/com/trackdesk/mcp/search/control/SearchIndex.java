package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.control.OperationWords;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.search.entity.SearchHit;
import com.trackdesk.mcp.search.entity.SearchQuery;
import com.trackdesk.mcp.search.entity.SearchResult;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An in-memory Lucene index over one catalog's operations. Immutable once built and safe for
 * concurrent searches; a new catalog gets a new index.
 */
public final class SearchIndex {

    /** Longer text is cut: a query is a request, not a document. */
    static final int MAX_QUERY_CHARS = 1000;
    /** A number on its own ("tag 12"), not part of a code ("ext-991", "SUMMER10"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}-])\\d+(?![\\p{L}\\p{N}-])");

    private final OperationCatalog catalog;
    private final SearchAnalyzers analyzers;
    private final IndexSearcher searcher;
    private final RankingQuery ranking;
    private final QuerySpelling spelling;
    private final MatchReasons reasons;
    private final Optional<SemanticRanking> semantic;
    /** Each operation's {@link SiblingKey}, by identity: worked out once, not for every candidate of every search. */
    private final Map<Operation, String> siblingKeys;
    /** The catalog ordinal of each Lucene document, read once instead of from stored fields per hit. */
    private final int[] ordinalOfDocument;

    /** How many candidates each ranking brings to the fusion. */
    static final int CANDIDATES = 30;
    /** Operations this high in the meaning ranking are reported as "similar meaning". */
    static final int CLOSE_IN_MEANING = 3;
    /** Enough to show the other scopes; the assistant can search an operationId for details. */
    static final int MAX_VARIANTS = 4;

    /**
     * Postings as plain arrays on the heap. A search looks up dozens of terms (concepts × synonyms × fields); the default
     * block-tree format opens buffered readers and decoding frames for every one, which cost most of a search's CPU
     * (issue 17), while a catalog's index is a few megabytes at most and read only from memory anyway.
     */
    private static final Codec IN_MEMORY_POSTINGS = new Lucene912Codec() {
        private final PostingsFormat direct = new DirectPostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return direct;
        }
    };

    private SearchIndex(OperationCatalog catalog, SearchAnalyzers analyzers, IndexSearcher searcher, SynonymMap synonyms,
                        Optional<SemanticRanking> semantic) {
        this.catalog = catalog;
        this.semantic = semantic;
        this.analyzers = analyzers;
        this.searcher = searcher;
        this.siblingKeys = siblingKeys(catalog.operations());
        this.ordinalOfDocument = ordinals(searcher);
        var indexed = IndexedTerms.of(searcher.getIndexReader(), OperationFields.BOOSTS.keySet());
        this.ranking = new RankingQuery(indexed);
        this.reasons = new MatchReasons(analyzers, catalog.operations());
        this.spelling = QuerySpelling.of(indexed, synonyms, analyzers, spelledWords(catalog));
    }

    private static Map<Operation, String> siblingKeys(List<Operation> operations) {
        var keys = new IdentityHashMap<Operation, String>(operations.size() * 2);
        operations.forEach(operation -> keys.put(operation, SiblingKey.of(operation)));
        return Collections.unmodifiableMap(keys);
    }

    private static int[] ordinals(IndexSearcher searcher) {
        try {
            var reader = searcher.getIndexReader();
            var stored = searcher.storedFields();
            var ordinals = new int[reader.maxDoc()];
            for (int doc = 0; doc < ordinals.length; doc++) {
                ordinals[doc] = stored.document(doc).getField(OperationFields.ORDINAL).numericValue().intValue();
            }
            return ordinals;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the operation index", e);
        }
    }

    /** With the bundled stopwords and Trackdesk synonyms. */
    public static SearchIndex of(OperationCatalog catalog) {
        return of(catalog, DomainSynonyms.bundled());
    }

    public static SearchIndex of(OperationCatalog catalog, SynonymMap synonyms) {
        return of(catalog, synonyms, Optional.empty());
    }

    /** @param semantic ranking by meaning for this very catalog, fused with the word ranking when ready */
    public static SearchIndex of(OperationCatalog catalog, SynonymMap synonyms, Optional<SemanticRanking> semantic) {
        var analyzers = new SearchAnalyzers(Stopwords.bundled(), synonyms);
        var directory = new ByteBuffersDirectory();
        var config = new IndexWriterConfig(analyzers.index()).setRAMBufferSizeMB(256)
                .setSimilarity(OperationFields.SIMILARITY).setCodec(IN_MEMORY_POSTINGS);
        try (var writer = new IndexWriter(directory, config)) {
            var operations = catalog.operations();
            for (int i = 0; i < operations.size(); i++) {
                writer.addDocument(OperationFields.document(i, operations.get(i)));
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index operations", e);
        }
        try {
            var searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(OperationFields.SIMILARITY);
            // every query is new (words, synonyms, spelling): a query cache only hashes each one deeply to track its
            // use, and the whole index is in memory anyway
            searcher.setQueryCache(null);
            return new SearchIndex(catalog, analyzers, searcher, synonyms, semantic);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the operation index", e);
        }
    }

    /**
     * The words of the operations' names, summaries, paths and tags as the spec spells them, to correct typos towards,
     * and of the API's title: people name the API ("send an alert into discord") although its operations do not.
     */
    private static Set<String> spelledWords(OperationCatalog catalog) {
        var words = new HashSet<String>();
        if (catalog.info() != null && catalog.info().title() != null) {
            for (var word : OperationWords.of(catalog.info().title())) {
                if (word.length() >= QuerySpelling.MIN_LENGTH && word.chars().allMatch(Character::isLetter)) {
                    words.add(word);
                }
            }
        }
        for (var operation : catalog.operations()) {
            var text = operation.operationId() + " " + operation.summary() + " " + operation.path() + " "
                    + String.join(" ", operation.tags());
            for (var word : OperationWords.of(text)) {
                if (word.length() >= QuerySpelling.MIN_LENGTH && word.chars().allMatch(Character::isLetter)) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    public OperationCatalog catalog() {
        return catalog;
    }

    public Optional<SemanticRanking> semantic() {
        return semantic;
    }

    public SearchResult search(SearchQuery query) {
        var text = query.text();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Search text must not be empty: describe the operation in words, "
                    + "or give an operationId or \"METHOD /path\"");
        }
        var limit = Math.max(1, query.limit());
        var exact = ExactMatch.in(catalog, text).filter(op -> passesFilters(op, query));
        var bounded = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        var corrected = spelling.correct(bounded);
        var values = ValueKinds.of(bounded);
        var kinds = values.kinds();
        var concepts = QueryConcepts.of(kinds.isEmpty() ? corrected : corrected + " " + String.join(" ", kinds), analyzers);
        var namesOneItem = NUMBER.matcher(values.rest()).find();
        var lexical = concepts.isEmpty() ? List.<SearchHit>of()
                : ranked(filtered(ranking.of(concepts, namesOneItem, FieldNames.typedIn(bounded)), query), Math.max(limit + 1, CANDIDATES));
        var operations = catalog.operations();
        var nearest = semantic.flatMap(s -> s.nearest(corrected,
                ordinal -> passesFilters(operations.get(ordinal), query), CANDIDATES));
        var ranked = nearest.map(near -> HybridFusion.fuse(lexical, near, operations,
                operation -> reasons.coverage(operation, concepts))).orElse(lexical);
        var closeInMeaning = nearest.map(near -> near.stream().limit(CLOSE_IN_MEANING)
                .map(n -> operations.get(n.ordinal())).toList()).orElse(List.of());

        var requestWords = reasons.words(corrected);
        var hits = new ArrayList<SearchHit>();
        exact.ifPresent(op -> {
            // Named outright, so it outranks whatever the words matched best.
            float best = ranked.isEmpty() ? 0f : ranked.get(0).score();
            hits.add(new SearchHit(op, best + 1f, List.of("exact " + (op.operationId().equals(text.strip())
                    ? "operationId" : "method and path")), List.of()));
        });
        var variants = new LinkedHashMap<String, List<String>>();
        var kept = new ArrayList<SearchHit>();
        for (var hit : ranked) {
            if (exact.map(e -> e == hit.operation()).orElse(false)) {
                continue;
            }
            var siblings = variants.get(siblingKeys.get(hit.operation()));
            if (siblings != null) {
                if (siblings.size() < MAX_VARIANTS) {
                    siblings.add(hit.operation().operationId());
                }
            } else if (hits.size() + kept.size() < limit) {
                kept.add(hit);
                variants.put(siblingKeys.get(hit.operation()), new ArrayList<>());
            }
        }
        for (var hit : kept) {
            var operation = hit.operation();
            hits.add(new SearchHit(operation, hit.score(),
                    reasons.of(operation, requestWords, concepts, closeInMeaning.contains(operation)),
                    variants.get(siblingKeys.get(operation))));
        }
        return new SearchResult(List.copyOf(hits), exact.isPresent());
    }

    private List<SearchHit> ranked(Query query, int limit) {
        try {
            var top = searcher.search(query, limit);
            var hits = new ArrayList<SearchHit>(top.scoreDocs.length);
            for (var scoreDoc : top.scoreDocs) {
                hits.add(new SearchHit(catalog.operations().get(ordinalOfDocument[scoreDoc.doc]), scoreDoc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    private static Query filtered(Query ranking, SearchQuery query) {
        if (query.tag().isEmpty() && query.method().isEmpty()) {
            return ranking;
        }
        var builder = new BooleanQuery.Builder().add(ranking, BooleanClause.Occur.MUST);
        query.tag().ifPresent(tag -> builder.add(new TermQuery(
                new Term(OperationFields.TAG, tag.strip().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER));
        query.method().ifPresent(method -> builder.add(new TermQuery(
                new Term(OperationFields.METHOD, method.strip().toUpperCase(Locale.ROOT))), BooleanClause.Occur.FILTER));
        return builder.build();
    }

    private static boolean passesFilters(Operation operation, SearchQuery query) {
        return query.tag().map(tag -> operation.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag.strip()))).orElse(true)
                && query.method().map(method -> operation.method().equalsIgnoreCase(method.strip())).orElse(true);
    }
}
