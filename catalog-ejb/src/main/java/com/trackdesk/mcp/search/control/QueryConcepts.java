package com.trackdesk.mcp.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits search text into concepts: each typed word with the synonyms the analyzer put beside it.
 * "delete partner note" becomes [delete|remove|...], [partner|affiliate|...], [note|comment|...].
 * <p>
 * The synonym graph is flattened: words of a multi-word synonym ("revenue origin" for "advertiser")
 * join the concept of the word they replace instead of becoming concepts of their own, and filler
 * words are dropped only now, so that a phrase containing them ("how many") could still map.
 */
public final class QueryConcepts {

    /** Spelled-out synonyms count less than the words the person actually typed. */
    static final float SYNONYM_WEIGHT = 0.85f;
    /** Bounds the work for pasted essays; nobody describes an operation in more words. */
    static final int MAX_CONCEPTS = 24;

    public record Term(String text, float weight) {
    }

    public record Concept(List<Term> terms) {
    }

    private QueryConcepts() {
    }

    public static List<Concept> of(String text, SearchAnalyzers analyzers) {
        var typed = new HashSet<String>();
        read(analyzers.typed(), text, (position, length, term, synonym) -> typed.add(term));

        // position -> (term -> is original). A position inside the span of an earlier word holds the
        // later words of a multi-word synonym of that word.
        var positions = new TreeMap<Integer, Map<String, Boolean>>();
        var continuations = new HashSet<Integer>();
        var spanEnd = new int[] {-1};
        read(analyzers.query(), text, (position, length, term, synonym) -> {
            if (position <= spanEnd[0] && !positions.containsKey(position)) {
                continuations.add(position);
            }
            positions.computeIfAbsent(position, p -> new LinkedHashMap<>()).merge(term, !synonym, Boolean::logicalOr);
            spanEnd[0] = Math.max(spanEnd[0], position + length - 1);
        });

        var concepts = new ArrayList<Map<String, Float>>();
        for (var entry : positions.entrySet()) {
            var terms = entry.getValue();
            boolean continuesPhrase = continuations.contains(entry.getKey()) && !terms.containsValue(true)
                    && !concepts.isEmpty();
            var concept = continuesPhrase ? concepts.get(concepts.size() - 1) : new LinkedHashMap<String, Float>();
            if (!continuesPhrase) {
                concepts.add(concept);
            }
            terms.forEach((term, original) -> {
                if (!(original && analyzers.isStopword(term))) {
                    concept.merge(term, typed.contains(term) ? 1f : SYNONYM_WEIGHT, Math::max);
                }
            });
        }
        keepOneIntent(concepts);
        return concepts.stream()
                .filter(concept -> !concept.isEmpty())
                .limit(MAX_CONCEPTS)
                .map(concept -> new Concept(concept.entrySet().stream()
                        .map(e -> new Term(e.getKey(), e.getValue())).toList()))
                .toList();
    }

    /**
     * A request has one main action, and it usually comes first: in "update the email stored on a client
     * record", "stored" and "record" are not asking to create anything. So only the first typed word
     * that brings action verbs keeps them; later ones keep only what was typed. Question words ("which",
     * "what") hint at an action without claiming it, so "which tag should I remove" still means delete.
     */
    private static void keepOneIntent(List<Map<String, Float>> concepts) {
        boolean intentSeen = false;
        for (var concept : concepts) {
            boolean hasIntent = concept.keySet().stream().anyMatch(ActionWords.CANONICAL::contains);
            boolean typed = concept.containsValue(1f);
            if (intentSeen && typed) {
                concept.entrySet().removeIf(term -> ActionWords.CANONICAL.contains(term.getKey()) && term.getValue() < 1f);
            }
            intentSeen |= hasIntent && typed;
        }
    }

    private interface TokenConsumer {
        void accept(int position, int length, String term, boolean synonym);
    }

    private static void read(Analyzer analyzer, String text, TokenConsumer consumer) {
        try (var stream = analyzer.tokenStream("query", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            var type = stream.addAttribute(TypeAttribute.class);
            var length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                consumer.accept(position, length.getPositionLength(), term.toString(), SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
