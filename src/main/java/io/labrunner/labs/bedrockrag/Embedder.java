package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.BedrockModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Turns text into a vector with InvokeModel. Each model family has its own JSON body: Amazon Titan
 * Text Embeddings V2 takes {@code inputText}, {@code dimensions} (256, 512 or 1024) and
 * {@code normalize}, and answers {@code embedding}; Cohere Embed takes {@code texts} and an
 * {@code input_type} (documents and queries are embedded differently) and answers {@code embeddings}.
 */
final class Embedder {
    /** Titan V2's middle size: half the storage of 1,024 for most of its retrieval quality. */
    static final int DIMENSIONS = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BedrockRuntimeClient runtime;
    private final BedrockModels.Chosen model;
    private final int dimensions;

    Embedder(BedrockRuntimeClient runtime, BedrockModels.Chosen model, int dimensions) {
        this.runtime = runtime;
        this.model = model;
        this.dimensions = dimensions;
    }

    String modelId() {
        return model.id();
    }

    /** A chunk's vector, for the index. */
    float[] document(String text) {
        return embed(text, "search_document");
    }

    /** A question's vector, to compare with the index. */
    float[] query(String text) {
        return embed(text, "search_query");
    }

    private float[] embed(String text, String cohereInputType) {
        boolean cohere = model.id().contains("cohere.");
        ObjectNode body = JSON.createObjectNode();
        if (cohere) {
            body.putArray("texts").add(text);
            body.put("input_type", cohereInputType);
        } else {
            body.put("inputText", text).put("dimensions", dimensions).put("normalize", true);
        }
        String response = model.invoke(() -> runtime.invokeModel(r -> r.modelId(model.id())
                .contentType("application/json").accept("application/json")
                .body(SdkBytes.fromUtf8String(body.toString())))).body().asUtf8String();
        try {
            JsonNode json = JSON.readTree(response);
            return toFloats(cohere ? json.path("embeddings").path(0) : json.path("embedding"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float[] toFloats(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalStateException(model.id() + " returned no embedding");
        }
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) array.get(i).asDouble();
        }
        return vector;
    }
}
