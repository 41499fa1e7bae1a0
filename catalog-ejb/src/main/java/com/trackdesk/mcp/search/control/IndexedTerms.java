package com.trackdesk.mcp.search.control;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words each searched field of the index holds, read once per index. A request's concepts carry several synonyms
 * each and are looked for in every field, yet most of those words occur in no operation's field at all; Lucene would
 * still open a terms enumerator for each one to find that out (most of a search's cost, issue 17). Asking a set first
 * leaves out exactly the terms that could not score, so the ranking does not change.
 */
final class IndexedTerms {

    private final Map<String, Set<String>> byField;

    private IndexedTerms(Map<String, Set<String>> byField) {
        this.byField = byField;
    }

    static IndexedTerms of(IndexReader reader, Set<String> fields) {
        var byField = new HashMap<String, Set<String>>();
        try {
            for (var field : fields) {
                var words = new HashSet<String>();
                var terms = MultiTerms.getTerms(reader, field);
                if (terms != null) {
                    var iterator = terms.iterator();
                    for (var term = iterator.next(); term != null; term = iterator.next()) {
                        words.add(term.utf8ToString());
                    }
                }
                byField.put(field, Set.copyOf(words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the words of the operation index", e);
        }
        return new IndexedTerms(Map.copyOf(byField));
    }

    boolean contains(String field, String word) {
        return byField.getOrDefault(field, Set.of()).contains(word);
    }

    /** Every word of every field, in a new set the caller may add to: the vocabulary typos are corrected towards. */
    Set<String> all() {
        var all = new HashSet<String>();
        byField.values().forEach(all::addAll);
        return all;
    }
}
