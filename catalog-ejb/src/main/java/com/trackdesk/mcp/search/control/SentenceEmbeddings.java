package com.trackdesk.mcp.search.control;

import dev.langchain4j.model.embedding.EmbeddingModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A small sentence-embedding model (quantized all-MiniLM-L6-v2, 384 dimensions) run in this JVM by ONNX
 * Runtime. It places "remaining quota" near "rate limit" although no word is shared, which no synonym list
 * does for an API it has never seen. The model ships inside a Maven artifact; nothing is downloaded.
 */
public final class SentenceEmbeddings {

    /** Names the model in cache keys: vectors of another model are never mixed in. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q@langchain4j-1.19.0-beta29";

    /** The DJL tokenizer unpacks its native library here unless the operator chose a place. */
    static final String DJL_CACHE_PROPERTY = "DJL_CACHE_DIR";

    private static final Logger LOG = Logger.getLogger(SentenceEmbeddings.class.getName());

    private final EmbeddingModel model;

    private SentenceEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * Loads the model once. On a locked-down server (no writable temp directory, native libraries refused)
     * this logs one line and gives nothing: search then ranks by words only.
     *
     * @param nativeDir writable directory for the tokenizer's native library, used unless DJL_CACHE_DIR is set
     */
    public static Optional<SentenceEmbeddings> load(Path nativeDir) {
        long started = System.nanoTime();
        try {
            if (System.getProperty(DJL_CACHE_PROPERTY) == null && System.getenv(DJL_CACHE_PROPERTY) == null) {
                Files.createDirectories(nativeDir);
                System.setProperty(DJL_CACHE_PROPERTY, nativeDir.toAbsolutePath().toString());
            }
            var embeddings = new SentenceEmbeddings(new QuantizedMiniLm());
            embeddings.embed("warm up");
            LOG.info(() -> "Semantic search model loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return Optional.of(embeddings);
        } catch (Exception | LinkageError e) {
            LOG.warning("Semantic search is OFF, ranking by words only: the embedding model could not load ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). It needs a writable java.io.tmpdir "
                    + "and DJL_CACHE_DIR (or MCP_SEARCH_CACHE_DIR) and permission to load native libraries.");
            return Optional.empty();
        }
    }

    /** @return a unit-length vector, so a dot product is the cosine similarity */
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
