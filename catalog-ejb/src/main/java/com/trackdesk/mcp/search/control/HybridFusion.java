package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.search.entity.SearchHit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the word ranking and the meaning ranking into one. Each is scaled to 0..1 within this request
 * (best word score = 1; similarity from the weakest to the strongest candidate = 0..1) and blended with one
 * fixed weight for every API: words decide when the request names the operation's own terms, meaning
 * when it says the same thing differently.
 */
final class HybridFusion {

    /** Share of the meaning ranking in the blend; the same for every spec. */
    static final float SEMANTIC_WEIGHT = 0.4f;

    private HybridFusion() {
    }

    static List<SearchHit> fuse(List<SearchHit> lexical, List<OperationVectors.Nearest> semantic, List<Operation> operations) {
        var blended = new IdentityHashMap<Operation, Float>();
        float bestWords = lexical.isEmpty() ? 0 : lexical.get(0).score();
        for (var hit : lexical) {
            blended.put(hit.operation(), bestWords <= 0 ? 0 : (1 - SEMANTIC_WEIGHT) * hit.score() / bestWords);
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
        fused.sort((a, b) -> Float.compare(b.score(), a.score()));
        return fused;
    }
}
