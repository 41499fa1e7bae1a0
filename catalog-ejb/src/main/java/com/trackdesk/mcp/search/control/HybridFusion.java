package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.search.entity.SearchHit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Merges the word ranking and the meaning ranking into one. Each is scaled to 0..1 within this request
 * (best word score = 1; similarity from the weakest to the strongest candidate = 0..1) and blended with one
 * fixed weight for every API: words decide when the request names the operation's own terms, meaning
 * when it says the same thing differently.
 * <p>
 * A word score only says how well an operation matches the words it shares with the request, not how many of
 * them it shares: the best word match for "read this paragraph out loud as an mp3" is whatever operation says
 * "read", and scaled to 1 it outweighed the operation the model rightly put first. So each word score is
 * weighed by the share of the request's concepts the operation's own names contain, damped
 * ({@link #COVERAGE_DAMPING}): one of four still keeps 71 %, all four 100 %.
 */
final class HybridFusion {

    /** Share of the meaning ranking in the blend; the same for every spec. */
    static final float SEMANTIC_WEIGHT = 0.4f;

    /**
     * Exponent on the concept share: small, because the share is coarse (two or three concepts per request) and
     * BM25 already rewards covering more of them. 0.15–0.3 measured alike on all ten sets (bench/search-eval).
     */
    static final double COVERAGE_DAMPING = 0.25;

    private HybridFusion() {
    }

    /**
     * @param coverage the share (0..1) of the request's concepts an operation's names contain
     */
    static List<SearchHit> fuse(List<SearchHit> lexical, List<OperationVectors.Nearest> semantic, List<Operation> operations,
                                ToDoubleFunction<Operation> coverage) {
        var blended = new IdentityHashMap<Operation, Float>();
        float bestWords = lexical.isEmpty() ? 0 : lexical.get(0).score();
        for (var hit : lexical) {
            float share = (float) Math.pow(coverage.applyAsDouble(hit.operation()), COVERAGE_DAMPING);
            blended.put(hit.operation(), bestWords <= 0 ? 0 : share * (1 - SEMANTIC_WEIGHT) * hit.score() / bestWords);
        }
        if (!semantic.isEmpty()) {
            float strongest = semantic.get(0).similarity();
            float weakest = semantic.get(semantic.size() - 1).similarity();
            float range = Math.max(strongest - weakest, 1e-6f);
            for (var near : semantic) {
                float meaning = SEMANTIC_WEIGHT * (near.similarity() - weakest) / range;
                blended.merge(operations.get(near.ordinal()), meaning, Float::sum);
            }
        }
        var fused = new ArrayList<SearchHit>(blended.size());
        for (Map.Entry<Operation, Float> entry : blended.entrySet()) {
            fused.add(new SearchHit(entry.getKey(), entry.getValue()));
        }
        // Equal scores (an operation and its twin under another scope) in a fixed order: the map's order is the
        // identity hashes', which differ from run to run.
        fused.sort((a, b) -> {
            int byScore = Float.compare(b.score(), a.score());
            return byScore != 0 ? byScore : a.operation().operationId().compareTo(b.operation().operationId());
        });
        return fused;
    }
}
