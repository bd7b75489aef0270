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
import java.util.UUID;

/**
 * The native body of Cohere Embed v3, English and multilingual
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v3.html):
 * {@code {texts (1..96, up to 2,048 characters each), input_type, truncate, embedding_types}} →
 * {@code {id, response_type, embeddings, texts}}, vectors of 1,024 values. Image inputs are not served.
 */
final class CohereEmbeddings {
    static final int MAX_TEXTS = 96;
    static final int MAX_CHARACTERS = 2_048;
    private static final int MAX_TOKENS = 512;
    private static final int LENGTH = 1_024;
    private static final List<String> INPUT_TYPES = List.of("search_document", "search_query", "classification", "clustering");
    private static final List<String> TRUNCATE = List.of("NONE", "START", "END");
    private static final List<String> TYPES = List.of("float", "int8", "uint8", "binary", "ubinary");
    private static final Set<String> KEYS = Set.of("texts", "input_type", "truncate", "embedding_types");

    private final ModelVectors vectors;

    CohereEmbeddings(ModelVectors vectors) {
        this.vectors = vectors;
    }

    EmbeddingInvoker.Answer embed(JsonNode body) {
        SchemaViolations violations = new SchemaViolations(Listing.EACH);
        violations.keys(body, List.of("texts", "input_type"), KEYS);
        List<String> texts = new ArrayList<>();
        JsonNode textsNode = body.path("texts");
        if (!textsNode.isMissingNode() && violations.isArray("#/texts", textsNode)) {
            violations.items("#/texts", textsNode, 1, MAX_TEXTS);
            for (int i = 0; i < textsNode.size(); i++) {
                JsonNode text = textsNode.get(i);
                if (violations.isString("#/texts/" + i, text)) {
                    violations.length("#/texts/" + i, text.asText(), 0, MAX_CHARACTERS);
                    texts.add(text.asText());
                }
            }
        }
        enumString(violations, body, "input_type", INPUT_TYPES);
        enumString(violations, body, "truncate", TRUNCATE);
        List<String> types = new ArrayList<>();
        JsonNode typesNode = body.path("embedding_types");
        if (!typesNode.isMissingNode() && violations.isArray("#/embedding_types", typesNode)) {
            violations.items("#/embedding_types", typesNode, 1, TYPES.size());
            for (int i = 0; i < typesNode.size(); i++) {
                JsonNode type = typesNode.get(i);
                if (violations.isString("#/embedding_types/" + i, type)) {
                    violations.oneOf("#/embedding_types/" + i, type, TYPES);
                    types.add(type.asText());
                }
            }
        }
        violations.throwIfAny();

        String truncate = body.path("truncate").asText("NONE");
        List<float[]> embeddings = new ArrayList<>();
        int tokens = 0;
        for (String text : texts) {
            Embedding embedding = vectors.embed(text, LENGTH);
            if (embedding.inputTokens() > MAX_TOKENS) {
                if ("NONE".equals(truncate)) {
                    // As users quote it: https://github.com/run-llama/llama_index/issues/14118
                    throw AwsException.validation("Input is too long for requested model.");
                }
                String kept = text;
                while (embedding.inputTokens() > MAX_TOKENS) {
                    kept = truncated(kept, embedding.inputTokens(), "START".equals(truncate));
                    embedding = vectors.embed(kept, LENGTH);
                }
            }
            embeddings.add(embedding.vector());
            tokens += embedding.inputTokens();
        }

        ObjectNode response = Json.object().put("id", UUID.randomUUID().toString());
        if (types.isEmpty()) {
            response.put("response_type", "embeddings_floats");
            ArrayNode list = response.putArray("embeddings");
            embeddings.forEach(vector -> TitanEmbeddings.floats(list.addArray(), vector));
        } else {
            response.put("response_type", "embeddings_by_type");
            ObjectNode byType = response.putObject("embeddings");
            for (String type : types) {
                ArrayNode list = byType.putArray(type);
                embeddings.forEach(vector -> quantized(list.addArray(), vector, type));
            }
        }
        texts.forEach(response.putArray("texts")::add);
        return new EmbeddingInvoker.Answer(response, tokens);
    }

    private static void enumString(SchemaViolations violations, JsonNode body, String key, List<String> allowed) {
        JsonNode value = body.path(key);
        if (!value.isMissingNode() && violations.isString("#/" + key, value)) {
            violations.oneOf("#/" + key, value, allowed);
        }
    }

    /** The text cut to about {@value #MAX_TOKENS} tokens, dropping its start or its end. */
    private static String truncated(String text, int tokens, boolean dropStart) {
        int keep = (int) ((long) text.length() * MAX_TOKENS / tokens * 9 / 10);
        return dropStart ? text.substring(text.length() - keep) : text.substring(0, keep);
    }

    /**
     * Cohere's compressed forms: int8 and uint8 scale each value into a byte; binary and ubinary keep one bit
     * per value (set when positive), eight to a byte, signed or not.
     */
    private static void quantized(ArrayNode out, float[] vector, String type) {
        switch (type) {
            case "float" -> TitanEmbeddings.floats(out, vector);
            case "int8", "uint8" -> {
                float max = 0;
                for (float value : vector) {
                    max = Math.max(max, Math.abs(value));
                }
                int offset = "uint8".equals(type) ? 128 : 0;
                for (float value : vector) {
                    int scaled = max == 0 ? 0 : Math.round(value / max * 127);
                    out.add(Math.max(-128, Math.min(127, scaled)) + offset);
                }
            }
            default -> {
                int offset = "binary".equals(type) ? -128 : 0;
                for (int start = 0; start < vector.length; start += 8) {
                    int packed = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        packed = packed << 1 | (start + bit < vector.length && vector[start + bit] > 0 ? 1 : 0);
                    }
                    out.add(packed + offset);
                }
            }
        }
    }
}
