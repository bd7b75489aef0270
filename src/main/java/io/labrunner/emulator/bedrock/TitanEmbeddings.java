package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.SchemaViolations.Listing;
import io.labrunner.emulator.bedrock.embed.TextEmbedder.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The native bodies of Amazon Titan Text Embeddings V2 and G1
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html).
 * V2: {@code {inputText, dimensions (1024|512|256), normalize, embeddingTypes ["float","binary"]}} →
 * {@code {embedding, embeddingsByType, inputTextTokenCount}}; G1: {@code {inputText}} → {@code {embedding (1,536),
 * inputTextTokenCount}}.
 */
final class TitanEmbeddings {
    static final int MAX_TOKENS = 8_192;
    // V2 takes up to 8,192 tokens or 50,000 characters
    // (https://docs.aws.amazon.com/bedrock/latest/userguide/titan-embedding-models.html).
    static final int MAX_CHARACTERS = 50_000;
    private static final int V1_LENGTH = 1_536;
    private static final int V2_DEFAULT_LENGTH = 1_024;
    private static final List<Integer> V2_LENGTHS = List.of(1_024, 512, 256);
    private static final List<String> V2_TYPES = List.of("float", "binary");
    private static final Set<String> V1_KEYS = Set.of("inputText");
    private static final Set<String> V2_KEYS = Set.of("inputText", "dimensions", "normalize", "embeddingTypes");

    private final ModelVectors vectors;

    TitanEmbeddings(ModelVectors vectors) {
        this.vectors = vectors;
    }

    EmbeddingInvoker.Answer v1(JsonNode body) {
        SchemaViolations violations = new SchemaViolations(Listing.COUNT);
        violations.keys(body, List.of("inputText"), V1_KEYS);
        JsonNode input = body.path("inputText");
        if (!input.isMissingNode() && violations.isString("#/inputText", input)) {
            violations.length("#/inputText", input.asText(), 1, Integer.MAX_VALUE);
        }
        violations.throwIfAny();
        Embedding embedding = embed(input.asText(), V1_LENGTH);
        ObjectNode response = Json.object();
        floats(response.putArray("embedding"), embedding.vector());
        response.put("inputTextTokenCount", embedding.inputTokens());
        return new EmbeddingInvoker.Answer(response, embedding.inputTokens());
    }

    EmbeddingInvoker.Answer v2(JsonNode body) {
        SchemaViolations violations = new SchemaViolations(Listing.COUNT);
        violations.keys(body, List.of("inputText"), V2_KEYS);
        JsonNode input = body.path("inputText");
        if (!input.isMissingNode() && violations.isString("#/inputText", input)) {
            violations.length("#/inputText", input.asText(), 1, MAX_CHARACTERS);
        }
        JsonNode dimensions = body.path("dimensions");
        if (!dimensions.isMissingNode() && violations.isInteger("#/dimensions", dimensions)) {
            violations.oneOf("#/dimensions", dimensions, V2_LENGTHS);
        }
        JsonNode normalize = body.path("normalize");
        if (!normalize.isMissingNode()) {
            violations.isBoolean("#/normalize", normalize);
        }
        List<String> types = new ArrayList<>();
        JsonNode embeddingTypes = body.path("embeddingTypes");
        if (!embeddingTypes.isMissingNode() && violations.isArray("#/embeddingTypes", embeddingTypes)) {
            violations.items("#/embeddingTypes", embeddingTypes, 1, V2_TYPES.size());
            for (int i = 0; i < embeddingTypes.size(); i++) {
                JsonNode type = embeddingTypes.get(i);
                if (violations.isString("#/embeddingTypes/" + i, type)) {
                    violations.oneOf("#/embeddingTypes/" + i, type, V2_TYPES);
                    types.add(type.asText());
                }
            }
        }
        violations.throwIfAny();
        if (types.isEmpty()) {
            types.add("float");
        }
        // The embedder's vectors always have unit length; normalize=false returns them unchanged.
        Embedding embedding = embed(input.asText(), dimensions.isMissingNode() ? V2_DEFAULT_LENGTH : dimensions.asInt());
        ObjectNode response = Json.object();
        floats(response.putArray("embedding"), embedding.vector());
        response.put("inputTextTokenCount", embedding.inputTokens());
        // Present even when embeddingTypes is not given, then with "float" alone (per the page above).
        ObjectNode byType = response.putObject("embeddingsByType");
        for (String type : types) {
            if ("binary".equals(type)) {
                ArrayNode bits = byType.putArray("binary");
                for (float value : embedding.vector()) {
                    bits.add(value > 0 ? 1 : 0);
                }
            } else {
                floats(byType.putArray("float"), embedding.vector());
            }
        }
        return new EmbeddingInvoker.Answer(response, embedding.inputTokens());
    }

    private Embedding embed(String text, int length) {
        Embedding embedding = vectors.embed(text, length);
        if (embedding.inputTokens() > MAX_TOKENS) {
            // Worded as users quote it: https://github.com/aws-samples/amazon-bedrock-workshop/issues/136
            throw AwsException.validation("400 Bad Request: Too many input tokens. Max input tokens: " + MAX_TOKENS
                    + ", request input token count: " + embedding.inputTokens());
        }
        return embedding;
    }

    static void floats(ArrayNode array, float[] vector) {
        for (float value : vector) {
            array.add(value);
        }
    }
}
