package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.OperationCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ranks a catalog's operations by meaning: the request's vector against every operation's vector.
 * The operation vectors come from the disk cache, or are computed once: at once for small catalogs,
 * in the background for large ones, while word ranking alone serves.
 */
public final class SemanticRanking {

    /** Up to this many operations are embedded before the catalog serves (the bundled one: ~1 s). */
    public static final int EMBED_AT_ONCE_UP_TO = 200;

    /** Below this cosine a request and an operation have nothing in common: gibberish finds nothing. */
    static final float MIN_SIMILARITY = 0.2f;

    private static final Logger LOG = Logger.getLogger(SemanticRanking.class.getName());

    private final SentenceEmbeddings model;
    private final CompletableFuture<OperationVectors> vectors;

    private SemanticRanking(SentenceEmbeddings model, CompletableFuture<OperationVectors> vectors) {
        this.model = model;
        this.vectors = vectors;
    }

    /**
     * @param cacheDir   where vectors are kept between starts
     * @param background runs the embedding of large catalogs
     */
    public static SemanticRanking of(OperationCatalog catalog, SentenceEmbeddings model, Path cacheDir, Executor background) {
        return of(catalog, model, cacheDir, background, EMBED_AT_ONCE_UP_TO);
    }

    static SemanticRanking of(OperationCatalog catalog, SentenceEmbeddings model, Path cacheDir, Executor background,
                              int embedAtOnceUpTo) {
        var texts = catalog.operations().stream().map(SemanticText::of).toList();
        var cache = new VectorCache(cacheDir);
        var key = VectorCache.key(texts);
        var cached = cache.read(key, texts.size());
        if (cached.isPresent()) {
            return new SemanticRanking(model, CompletableFuture.completedFuture(cached.get()));
        }
        if (texts.size() <= embedAtOnceUpTo) {
            return new SemanticRanking(model, CompletableFuture.completedFuture(embedAndCache(model, texts, cache, key)));
        }
        var future = CompletableFuture.supplyAsync(() -> embedAndCache(model, texts, cache, key), background);
        future.whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "Semantic search vectors could not be computed; ranking by words only", failure);
            }
        });
        return new SemanticRanking(model, future);
    }

    private static OperationVectors embedAndCache(SentenceEmbeddings model, List<String> texts, VectorCache cache, String key) {
        long started = System.nanoTime();
        var vectors = new float[texts.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = model.embed(texts.get(i));
        }
        var computed = new OperationVectors(vectors);
        cache.write(key, computed);
        LOG.info(() -> "Semantic search vectors of " + texts.size() + " operations computed in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return computed;
    }

    /** True once operation vectors are there; before that, and if computing them failed, searches use words only. */
    public boolean ready() {
        return vectors.isDone() && !vectors.isCompletedExceptionally();
    }

    /** Completes when the vectors are ready (or failed); for tests and health reporting. */
    public CompletableFuture<?> whenReady() {
        return vectors.handle((v, e) -> v);
    }

    /** @return nothing while the vectors are not ready yet */
    Optional<List<OperationVectors.Nearest>> nearest(String text, IntPredicate allowed, int limit) {
        if (!ready()) {
            return Optional.empty();
        }
        return Optional.of(vectors.join().nearest(model.embed(text), allowed, limit).stream()
                .filter(near -> near.similarity() >= MIN_SIMILARITY).toList());
    }
}
