package com.trackdesk.mcp.search.control;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns query concepts into one BM25 query: each concept is looked for in every field (the best field
 * counts fully, the others a little), and operations covering more concepts rank higher.
 * A word the index has never seen is probably mistyped and is looked up with one or two edits.
 */
final class RankingQuery {

    /** How much the other matching fields add to the best one for the same concept. */
    private static final float TIE_BREAKER = 0.2f;
    private static final int MIN_FUZZY_LENGTH = 4;
    private static final int TWO_EDITS_LENGTH = 8;

    private final IndexReader reader;

    RankingQuery(IndexReader reader) {
        this.reader = reader;
    }

    Query of(List<QueryConcepts.Concept> concepts) {
        var query = new BooleanQuery.Builder();
        for (var concept : concepts) {
            query.add(concept(concept), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private Query concept(QueryConcepts.Concept concept) {
        var perField = new ArrayList<Query>();
        for (Map.Entry<String, Float> field : OperationFields.BOOSTS.entrySet()) {
            var synonyms = new SynonymQuery.Builder(field.getKey());
            for (var term : concept.terms()) {
                synonyms.addTerm(new Term(field.getKey(), term.text()), term.weight());
            }
            perField.add(new BoostQuery(synonyms.build(), field.getValue()));
            concept.terms().stream()
                    .filter(term -> term.weight() == 1f && isUnknown(term.text()))
                    .forEach(term -> perField.add(new BoostQuery(fuzzy(field.getKey(), term.text()), field.getValue() * 0.7f)));
        }
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    private boolean isUnknown(String text) {
        if (text.length() < MIN_FUZZY_LENGTH) {
            return false;
        }
        try {
            for (var field : OperationFields.BOOSTS.keySet()) {
                if (reader.docFreq(new Term(field, text)) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query fuzzy(String field, String text) {
        int edits = text.length() >= TWO_EDITS_LENGTH ? 2 : 1;
        return new FuzzyQuery(new Term(field, text), edits, 1);
    }
}
