package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.OperationCatalog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The real embedding model for tests, loaded once per test JVM. Operation vectors are cached under
 * target/ (keyed like in production), so only the first build after a spec or recipe change pays for them.
 */
public final class TestEmbeddings {

    public static final Path CACHE = Path.of("target", "search-vectors");

    private static Optional<SentenceEmbeddings> model;

    private TestEmbeddings() {
    }

    public static synchronized Optional<SentenceEmbeddings> model() {
        if (model == null) {
            model = SentenceEmbeddings.load(CACHE.resolve("djl"));
        }
        return model;
    }

    /** Vectors computed in the calling thread: tests see the finished ranking at once. */
    public static Optional<SemanticRanking> semanticFor(OperationCatalog catalog) {
        return model().map(m -> SemanticRanking.of(catalog, m, CACHE, Runnable::run));
    }
}
