package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.search.entity.SearchHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HybridFusionTest {

    private static final Operation READ_EVAL = operation("getEval", "GET", "/evals/{eval_id}");
    private static final Operation CREATE_SPEECH = operation("createSpeech", "POST", "/audio/speech");
    private static final Operation LIST_MODELS = operation("listModels", "GET", "/models");
    private static final List<Operation> OPERATIONS = List.of(READ_EVAL, CREATE_SPEECH, LIST_MODELS);

    @Test
    void theBestWordScoreCountsLessWhenItSharesOnlyOneOfTheRequestsConcepts() {
        // "read this paragraph out loud as an mp3": getEval says "read", createSpeech says more of it
        var words = List.of(new SearchHit(READ_EVAL, 10f), new SearchHit(CREATE_SPEECH, 5f));
        var meaning = List.of(new OperationVectors.Nearest(1, 0.6f), new OperationVectors.Nearest(0, 0.4f),
                new OperationVectors.Nearest(2, 0.2f));
        var coverage = Map.of(READ_EVAL, 0.25, CREATE_SPEECH, 1.0, LIST_MODELS, 0.0);

        var fused = HybridFusion.fuse(words, meaning, OPERATIONS, coverage::get);

        assertThat(fused).extracting(SearchHit::operation).startsWith(CREATE_SPEECH, READ_EVAL);
    }

    @Test
    void whenEveryCandidateCoversTheRequestAlikeTheWordScoresDecideAsBefore() {
        var words = List.of(new SearchHit(READ_EVAL, 10f), new SearchHit(CREATE_SPEECH, 5f));
        var meaning = List.of(new OperationVectors.Nearest(1, 0.6f), new OperationVectors.Nearest(0, 0.4f),
                new OperationVectors.Nearest(2, 0.2f));

        var fused = HybridFusion.fuse(words, meaning, OPERATIONS, operation -> 1.0);

        assertThat(fused).extracting(SearchHit::operation).startsWith(READ_EVAL, CREATE_SPEECH);
    }

    private static Operation operation(String id, String method, String path) {
        return new Operation(id, method, path, "", "", List.of(), List.of(), Optional.empty(), List.of(), false);
    }
}
