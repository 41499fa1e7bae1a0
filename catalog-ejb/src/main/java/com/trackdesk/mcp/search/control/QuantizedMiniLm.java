package com.trackdesk.mcp.search.control;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The quantized all-MiniLM-L6-v2 model of the langchain4j artifact, with an ONNX Runtime session set up for
 * a server rather than a notebook: one thread per inference (requests are the parallelism; a search embeds
 * a dozen words) and no memory arena or pattern cache, which otherwise keep a hundred MB or more of native
 * memory that a few dozen short texts never need again.
 */
final class QuantizedMiniLm extends AbstractInProcessEmbeddingModel {

    static final int DIMENSIONS = 384;
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;
    /** Kept for the session's lifetime. */
    private final OrtSession.SessionOptions options;

    QuantizedMiniLm() throws OrtException, IOException {
        // Runnable::run: the caller's thread embeds (a request thread, or the background computation).
        super(Runnable::run);
        // The .class literal does not initialise that class, whose static block would load a second copy.
        var resources = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        var environment = OrtEnvironment.getEnvironment();
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setCPUArenaAllocator(false);
        options.setMemoryPatternOptimization(false);
        try (var model = open(resources, MODEL); var tokenizer = open(resources, TOKENIZER)) {
            var session = environment.createSession(model.readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSIONS;
    }

    private static InputStream open(ClassLoader resources, String name) throws FileNotFoundException {
        var stream = resources.getResourceAsStream(name);
        if (stream == null) {
            throw new FileNotFoundException(name + " is missing from the classpath");
        }
        return stream;
    }
}
