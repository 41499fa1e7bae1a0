package com.trackdesk.mcp.search.control;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns query concepts into one BM25 query: each concept is looked for in every field (the best field
 * counts fully, the others a little), and operations covering more concepts rank higher.
 * A concept's synonyms are scored as one term ({@link SynonymQuery}), so a rare synonym cannot
 * outweigh the word that was typed.
 */
final class RankingQuery {

    /** How much the other matching fields add to the best one for the same concept. */
    static final float TIE_BREAKER = 0.1f;

    /** What a number in the request adds for operations on one item: a tie-breaker, not a topic. */
    static final float ONE_ITEM_BOOST = 0.8f;

    /** What a field name spelled out in the request adds for operations that take that field. */
    static final float FIELD_NAME_BOOST = 2.0f;

    private final IndexedTerms indexed;

    RankingQuery(IndexedTerms indexed) {
        this.indexed = indexed;
    }

    Query of(List<QueryConcepts.Concept> concepts, boolean namesOneItem) {
        return of(concepts, namesOneItem, Set.of());
    }

    /**
     * @param namesOneItem the request mentions a number, as in "delete tag 12"
     * @param fieldNames   field names the request spells out ({@code communication_disabled_until})
     */
    Query of(List<QueryConcepts.Concept> concepts, boolean namesOneItem, Set<String> fieldNames) {
        var words = new BooleanQuery.Builder();
        for (var concept : concepts) {
            concept(concept).ifPresent(query -> words.add(query, BooleanClause.Occur.SHOULD));
        }
        if (!namesOneItem && fieldNames.isEmpty()) {
            return words.build();
        }
        // Tie-breakers among the operations the words found, never a reason to find one.
        var query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
        if (namesOneItem) {
            var oneItem = new TermQuery(new Term(OperationFields.TARGET, OperationFields.ONE_ITEM));
            query.add(new BoostQuery(new ConstantScoreQuery(oneItem), ONE_ITEM_BOOST), BooleanClause.Occur.SHOULD);
        }
        for (var name : fieldNames) {
            var field = new TermQuery(new Term(OperationFields.FIELD_NAME, name));
            query.add(new BoostQuery(new ConstantScoreQuery(field), FIELD_NAME_BOOST), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * Only the words a field holds are looked up there: a word no operation has in that field scores nothing, so
     * leaving it out changes no ranking and saves Lucene a term look-up. Empty when no field holds any of the words.
     */
    private Optional<Query> concept(QueryConcepts.Concept concept) {
        var perField = new ArrayList<Query>();
        for (Map.Entry<String, Float> field : OperationFields.BOOSTS.entrySet()) {
            var synonyms = new SynonymQuery.Builder(field.getKey());
            boolean any = false;
            for (var term : concept.terms()) {
                if (indexed.contains(field.getKey(), term.text())) {
                    synonyms.addTerm(new Term(field.getKey(), term.text()), term.weight());
                    any = true;
                }
            }
            if (any) {
                perField.add(new BoostQuery(synonyms.build(), field.getValue()));
            }
        }
        return perField.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(perField, TIE_BREAKER));
    }
}
