package io.labrunner.emulator.bedrock.text;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

/**
 * Counts tokens with the WordPiece tokenizer of all-MiniLM-L6-v2 (bert-base-uncased's vocabulary),
 * the embedding model's own, so that usage numbers agree with the embeddings' token counts. The
 * tokenizer is loaded on first use.
 */
public final class BertTokenCounter implements TokenCounter {
    private volatile HuggingFaceTokenCountEstimator estimator;

    @Override
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        HuggingFaceTokenCountEstimator loaded = estimator;
        if (loaded == null) {
            synchronized (this) {
                loaded = estimator;
                if (loaded == null) {
                    loaded = new HuggingFaceTokenCountEstimator();
                    estimator = loaded;
                }
            }
        }
        return loaded.estimateTokenCountInText(text);
    }
}
