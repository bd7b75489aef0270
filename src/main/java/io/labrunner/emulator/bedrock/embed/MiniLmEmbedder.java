package io.labrunner.emulator.bedrock.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantized, run in-process by ONNX Runtime: a real sentence-embedding model of
 * 384 dimensions, small enough (23 MB) to ship inside a jar. The model is loaded on the first
 * {@link #embed} call, not before, so emulators that never embed never pay for it.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    private static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    @Override
    public Embedding embed(String text) {
        Response<List<dev.langchain4j.data.embedding.Embedding>> response =
                model().embedAll(List.of(TextSegment.from(text)));
        Integer tokens = response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount();
        return new Embedding(Vectors.normalized(response.content().get(0).vector()), tokens == null ? 0 : tokens);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    // Single-threaded: one text at a time, and no pool of idle threads left behind.
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}
