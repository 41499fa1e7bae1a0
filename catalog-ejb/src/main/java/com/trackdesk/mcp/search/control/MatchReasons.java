package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.control.OperationWords;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Why a hit matched, in a few words, so an assistant can tell a real match from a lucky one: the request's
 * words the operation's name, summary, path or tags contain (a synonym counts as its typed word), and
 * whether its meaning was close.
 */
final class MatchReasons {

    static final int MAX_WORDS = 4;
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

    private final SearchAnalyzers analyzers;
    /**
     * Each operation's analysed words, computed once per index: analysing them per hit and search (HTML stripping,
     * stemming) cost more than the Lucene search itself. Keyed by identity; read-only once built.
     */
    private final Map<Operation, Set<String>> vocabularies;
    /** Each operation's parameter and body field names, analysed: the other names the word ranking matches on. */
    private final Map<Operation, Set<String>> fieldVocabularies;

    MatchReasons(SearchAnalyzers analyzers, List<Operation> operations) {
        this.analyzers = analyzers;
        var byOperation = new IdentityHashMap<Operation, Set<String>>(operations.size() * 2);
        operations.forEach(operation -> byOperation.put(operation, Set.copyOf(analyze(analyzers.index(), text(operation)))));
        this.vocabularies = Collections.unmodifiableMap(byOperation);
        var fields = new IdentityHashMap<Operation, Set<String>>(operations.size() * 2);
        operations.forEach(operation -> fields.put(operation, Set.copyOf(analyze(analyzers.index(), fieldText(operation)))));
        this.fieldVocabularies = Collections.unmodifiableMap(fields);
    }

    /**
     * The request's words with what each analyses to, worked out once per search rather than once per hit.
     *
     * @param text the request (spelling corrected)
     */
    RequestWords words(String text) {
        var words = new LinkedHashMap<String, Set<String>>();
        for (var word : WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.computeIfAbsent(word, w -> analyze(analyzers.typed(), w));
            }
        }
        return new RequestWords(words);
    }

    /** A request's distinct words (lower case, in order) and their analysed terms. */
    record RequestWords(Map<String, Set<String>> analysed) {
    }

    /**
     * @param words          the request's words, from {@link #words(String)}
     * @param closeInMeaning whether the meaning ranking put this operation among its best
     */
    List<String> of(Operation operation, RequestWords words, List<QueryConcepts.Concept> concepts, boolean closeInMeaning) {
        var vocabulary = vocabulary(operation);
        var matchedTerms = new HashSet<String>();
        for (var concept : concepts) {
            if (concept.terms().stream().anyMatch(term -> vocabulary.contains(term.text()))) {
                concept.terms().forEach(term -> matchedTerms.add(term.text()));
            }
        }
        var matched = new LinkedHashSet<String>();
        for (var word : words.analysed().entrySet()) {
            if (matched.size() < MAX_WORDS && word.getValue().stream().anyMatch(matchedTerms::contains)) {
                matched.add(word.getKey());
            }
        }
        var reasons = new ArrayList<String>(2);
        if (!matched.isEmpty()) {
            reasons.add("words: " + String.join(", ", matched));
        }
        if (closeInMeaning) {
            reasons.add("similar meaning");
        }
        return reasons;
    }

    /**
     * The share of the request's concepts the operation's own names contain: operationId, summary, path, tags and
     * parameter and body field names (not the description, whose words say how rather than what).
     */
    double coverage(Operation operation, List<QueryConcepts.Concept> concepts) {
        if (concepts.isEmpty()) {
            return 0;
        }
        var vocabulary = vocabulary(operation);
        var fields = fieldVocabularies.getOrDefault(operation, Set.of());
        long matched = concepts.stream().filter(concept -> concept.terms().stream()
                .anyMatch(term -> vocabulary.contains(term.text()) || fields.contains(term.text()))).count();
        return matched / (double) concepts.size();
    }

    private Set<String> vocabulary(Operation operation) {
        var known = vocabularies.get(operation);
        return known != null ? known : analyze(analyzers.index(), text(operation));
    }

    private static String text(Operation operation) {
        return String.join(" ", OperationWords.of(operation.operationId())) + " " + operation.summary() + " "
                + operation.path().replaceAll("\\{[^}]*}", " ") + " " + String.join(" ", operation.tags()) + " "
                + ActionWords.of(operation);
    }

    private static String fieldText(Operation operation) {
        var text = new StringBuilder();
        operation.parameters().stream()
                .filter(parameter -> parameter.location() != ParameterLocation.HEADER
                        && parameter.location() != ParameterLocation.COOKIE)
                .forEach(parameter -> text.append(parameter.name()).append(' '));
        operation.requestBody().ifPresent(body -> text.append(BodyWords.of(body)));
        return text.toString();
    }

    private static Set<String> analyze(org.apache.lucene.analysis.Analyzer analyzer, String text) {
        var terms = new HashSet<String>();
        try (var stream = analyzer.tokenStream(OperationFields.SUMMARY, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
