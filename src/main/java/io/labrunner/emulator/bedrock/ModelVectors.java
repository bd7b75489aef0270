package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.bedrock.embed.Projection;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.embed.TextEmbedder.Embedding;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Embeddings of the length a Bedrock model answers with: the embedder's vector projected, one projection per length. */
final class ModelVectors {
    private final TextEmbedder embedder;
    private final Map<Integer, Projection> projections = new ConcurrentHashMap<>();

    ModelVectors(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The text's unit vector of {@code length} values and the embedder's token count. */
    Embedding embed(String text, int length) {
        Embedding embedding = embedder.embed(text);
        if (length == embedder.dimensions()) {
            return embedding;
        }
        Projection projection = projections.computeIfAbsent(length, to -> new Projection(embedder.dimensions(), to));
        return new Embedding(projection.apply(embedding.vector()), embedding.inputTokens());
    }
}
