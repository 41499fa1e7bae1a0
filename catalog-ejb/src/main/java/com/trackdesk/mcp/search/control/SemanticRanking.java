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
 * in the background for large ones (and whenever the model itself is still loading), while word ranking
 * alone serves.
 */
public final class SemanticRanking {

    /** Up to this many operations are embedded before the catalog serves (the bundled one: ~1 s). */
    public static final int EMBED_AT_ONCE_UP_TO = 200;

    /** Below this cosine a request and an operation have nothing in common: gibberish finds nothing. */
    static final float MIN_SIMILARITY = 0.2f;

    private static final Logger LOG = Logger.getLogger(SemanticRanking.class.getName());

    /** The model and the vectors, once both are there; null when the model could not load. */
    private record Ready(SentenceEmbeddings model, OperationVectors vectors) {
    }

    private final CompletableFuture<Ready> state;

    private SemanticRanking(CompletableFuture<Ready> state) {
        this.state = state;
        state.whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "Semantic search vectors could not be computed; ranking by words only", failure);
            }
        });
    }

    /**
     * @param model      the model, possibly still loading (then everything happens in the background)
     * @param cacheDir   where vectors are kept between starts
     * @param background runs the model loading and the embedding of large catalogs
     */
    public static SemanticRanking of(OperationCatalog catalog, CompletableFuture<Optional<SentenceEmbeddings>> model,
                                     Path cacheDir, Executor background) {
        if (model.isDone() && !model.isCompletedExceptionally()) {
            return model.join().map(loaded -> of(catalog, loaded, cacheDir, background))
                    .orElseGet(() -> new SemanticRanking(CompletableFuture.completedFuture(null)));
        }
        return new SemanticRanking(model.thenApplyAsync(loaded -> loaded
                .map(m -> new Ready(m, vectors(catalog, m, new VectorCache(cacheDir)))).orElse(null), background));
    }

    public static SemanticRanking of(OperationCatalog catalog, SentenceEmbeddings model, Path cacheDir, Executor background) {
        return of(catalog, model, cacheDir, background, EMBED_AT_ONCE_UP_TO);
    }

    static SemanticRanking of(OperationCatalog catalog, SentenceEmbeddings model, Path cacheDir, Executor background,
                              int embedAtOnceUpTo) {
        var texts = texts(catalog);
        var cache = new VectorCache(cacheDir);
        var key = VectorCache.key(texts);
        var cached = cache.read(key, texts.size());
        if (cached.isPresent()) {
            return new SemanticRanking(CompletableFuture.completedFuture(new Ready(model, cached.get())));
        }
        if (texts.size() <= embedAtOnceUpTo) {
            return new SemanticRanking(CompletableFuture.completedFuture(new Ready(model, embedAndCache(model, texts, cache, key))));
        }
        return new SemanticRanking(CompletableFuture.supplyAsync(
                () -> new Ready(model, embedAndCache(model, texts, cache, key)), background));
    }

    private static List<String> texts(OperationCatalog catalog) {
        return catalog.operations().stream().map(SemanticText::of).toList();
    }

    private static OperationVectors vectors(OperationCatalog catalog, SentenceEmbeddings model, VectorCache cache) {
        var texts = texts(catalog);
        var key = VectorCache.key(texts);
        return cache.read(key, texts.size()).orElseGet(() -> embedAndCache(model, texts, cache, key));
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

    /** True once model and operation vectors are there; before that, and if they failed, searches use words only. */
    public boolean ready() {
        return state.isDone() && !state.isCompletedExceptionally() && state.join() != null;
    }

    /** Completes when the ranking is ready, or will never be (the model or the vectors failed). */
    public CompletableFuture<?> whenSettled() {
        return state.handle((ready, failure) -> ready);
    }

    /** @return nothing while not ready */
    Optional<List<OperationVectors.Nearest>> nearest(String text, IntPredicate allowed, int limit) {
        if (!ready()) {
            return Optional.empty();
        }
        var ready = state.join();
        return Optional.of(ready.vectors().nearest(ready.model().embed(text), allowed, limit).stream()
                .filter(near -> near.similarity() >= MIN_SIMILARITY).toList());
    }
}
