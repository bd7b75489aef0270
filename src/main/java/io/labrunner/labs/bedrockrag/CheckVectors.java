package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.BedrockModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The checks' own embeddings and cosine, written apart from the solution's {@code Embedder} and
 * {@code Similarity} so that a bug there cannot grade itself. It embeds with the model and the
 * vector length the learner's index names, as a question must be embedded by the index's model.
 */
final class CheckVectors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BedrockRuntimeClient runtime;
    private final BedrockModels.Chosen model;
    private final int dimensions;

    CheckVectors(BedrockRuntimeClient runtime, String modelId, Region region, int dimensions) {
        this.runtime = runtime;
        this.model = new BedrockModels.Chosen(modelId, BedrockModels.Use.EMBEDDING, region);
        this.dimensions = dimensions;
    }

    /** A chunk's text as the index should hold it. */
    double[] ofDocument(String text) {
        return embed(text, "search_document");
    }

    /** A question, to search the index with. */
    double[] ofQuery(String text) {
        return embed(text, "search_query");
    }

    /** a·b / (|a| |b|), 0 for a zero vector or vectors of different lengths. */
    static double cosine(double[] a, double[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }

    // Bodies: Titan V2 takes dimensions (256/512/1024), Titan V1 does not; Cohere embeds documents
    // and queries differently (input_type). https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed.html
    private double[] embed(String text, String cohereInputType) {
        ObjectNode body = JSON.createObjectNode();
        boolean cohere = model.id().contains("cohere.");
        if (cohere) {
            body.putArray("texts").add(text);
            body.put("input_type", cohereInputType);
        } else if (model.id().contains("titan-embed-text-v1")) {
            body.put("inputText", text);
        } else {
            body.put("inputText", text).put("dimensions", dimensions).put("normalize", true);
        }
        String response = model.invoke(() -> runtime.invokeModel(r -> r.modelId(model.id())
                .contentType("application/json").accept("application/json")
                .body(SdkBytes.fromUtf8String(body.toString())))).body().asUtf8String();
        try {
            JsonNode json = JSON.readTree(response);
            JsonNode vector = cohere ? json.path("embeddings").path(0) : json.path("embedding");
            double[] values = new double[vector.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = vector.get(i).asDouble();
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
