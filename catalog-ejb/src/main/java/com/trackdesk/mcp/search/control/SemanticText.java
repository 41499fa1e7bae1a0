package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.control.OperationWords;
import com.trackdesk.mcp.catalog.entity.Operation;

import java.util.regex.Pattern;

/**
 * What the embedding model reads of an operation: a short sentence, because long descriptions drown
 * what an operation does in how it does it (GitHub), while no description at all leaves too little
 * (Stripe has no summaries). Summary, the operationId's words, method and path words, tags and the
 * description's first sentence.
 */
final class SemanticText {

    /** Bump when the recipe changes: cached vectors of another recipe must not be reused. */
    static final String RECIPE = "v1";
    private static final int FIRST_SENTENCE_CHARS = 200;
    private static final Pattern MARKUP = Pattern.compile("<[^>]+>|\\[([^]]*)]\\([^)]*\\)|[`*_#]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");

    private SemanticText() {
    }

    static String of(Operation operation) {
        var text = new StringBuilder();
        append(text, operation.summary());
        append(text, String.join(" ", OperationWords.of(operation.operationId())));
        append(text, operation.method() + " " + pathWords(operation.path()));
        append(text, String.join(", ", operation.tags()));
        append(text, firstSentence(operation.description()));
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            if (!text.isEmpty()) {
                text.append(". ");
            }
            text.append(part.strip());
        }
    }

    /** {@code /repos/{owner}/{repo}/pulls} reads as "repos owner repo pulls". */
    private static String pathWords(String path) {
        return path.replaceAll("[{}/_.-]+", " ").strip();
    }

    private static String firstSentence(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        var plain = MARKUP.matcher(description).replaceAll("$1").strip();
        var end = SENTENCE_END.matcher(plain);
        var sentence = end.find() ? plain.substring(0, end.start()) : plain;
        return sentence.length() <= FIRST_SENTENCE_CHARS ? sentence : sentence.substring(0, FIRST_SENTENCE_CHARS);
    }
}
