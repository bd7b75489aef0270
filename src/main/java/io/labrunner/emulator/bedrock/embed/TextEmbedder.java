package io.labrunner.emulator.bedrock.embed;

/** Turns a text into a vector whose cosine similarity with another text's vector tells how alike their meanings are. */
public interface TextEmbedder {

    /** Embeds one text; the vector has unit length. */
    Embedding embed(String text);

    /** The length of every vector this embedder returns. */
    int dimensions();

    /**
     * A unit vector and the number of tokens the model read to make it.
     *
     * @param vector      the embedding, of length {@link #dimensions()}
     * @param inputTokens tokens counted by the model's own tokenizer
     */
    record Embedding(float[] vector, int inputTokens) {

        /** Cosine similarity with another embedding of the same length (the dot product, both being unit vectors). */
        public double similarity(Embedding other) {
            return Vectors.cosine(vector, other.vector);
        }
    }
}
