package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * InvokeModel for embedding models: the request and response bodies of each provider, vectors from one
 * {@link TextEmbedder} projected to the model's length. The other runtime operations refuse embedding
 * models, as Bedrock does.
 */
final class EmbeddingInvoker {
    // Headers Bedrock adds to an InvokeModel response beside its content type (text models also get
    // X-Amzn-Bedrock-Output-Token-Count); clients such as LangChain read token usage from them.
    static final String INPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Input-Token-Count";
    static final String LATENCY_HEADER = "X-Amzn-Bedrock-Invocation-Latency";
    private static final String JSON = "application/json";

    private final TitanEmbeddings titan;
    private final CohereEmbeddings cohere;

    EmbeddingInvoker(TextEmbedder embedder) {
        ModelVectors vectors = new ModelVectors(embedder);
        this.titan = new TitanEmbeddings(vectors);
        this.cohere = new CohereEmbeddings(vectors);
    }

    /** A response body and the tokens read to make it. */
    record Answer(ObjectNode body, int inputTokens) {
    }

    /** A runtime operation ({@code invoke}, {@code converse}...) on an embedding model. */
    AwsResponse handle(String action, FoundationModel model, AwsRequest request) {
        switch (action) {
            case "invoke":
                return invoke(model, request);
            case "invoke-with-response-stream":
                // Embedding models do not stream (e.g. https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed.html);
                // Bedrock's words for it: https://github.com/aws-samples/amazon-bedrock-client-for-mac/issues/112
                throw AwsException.validation("The model is unsupported for streaming.");
            default:
                // Converse on an embedding model, as reported in https://github.com/mlcommons/modelbench/issues/1654
                throw AwsException.validation("This action doesn't support the model that you provided. "
                        + "Try again with a supported text or chat model.");
        }
    }

    private AwsResponse invoke(FoundationModel model, AwsRequest request) {
        long started = System.nanoTime();
        // Embedding models read and write JSON only; Bedrock refuses other media types with these messages
        // (https://github.com/aws/aws-sdk-ruby/issues/3033 for the content type).
        if (!acceptable(request.header("content-type").orElse(null))) {
            throw AwsException.validation("The provided Content Type is invalid or not supported for this model");
        }
        if (!acceptable(request.header("accept").orElse(null))) {
            throw AwsException.validation("The provided Accept Type is invalid or not supported for this model");
        }
        JsonNode body = body(request);
        Answer answer = switch (model.dialect()) {
            case TITAN_EMBED_V2 -> titan.v2(body);
            case TITAN_EMBED_V1 -> titan.v1(body);
            default -> cohere.embed(body);
        };
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            return new AwsResponse(200, JSON,
                    Map.of(INPUT_TOKENS_HEADER, Integer.toString(answer.inputTokens()),
                            LATENCY_HEADER, Long.toString(latencyMillis)),
                    Json.mapper().writeValueAsString(answer.body()).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(AwsRequest request) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(request.body());
        } catch (IOException e) {
            throw SchemaViolations.unreadable();
        }
        if (body == null || body.isMissingNode()) {
            throw SchemaViolations.unreadable();
        }
        if (!body.isObject()) {
            SchemaViolations violations = new SchemaViolations(SchemaViolations.Listing.EACH);
            violations.add("#", "expected type: JSONObject, found: " + SchemaViolations.typeName(body));
            violations.throwIfAny();
        }
        return body;
    }

    /** No media type, any type, or JSON (with or without parameters such as a charset). */
    private static boolean acceptable(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return true;
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(JSON) || type.equals("*/*");
    }
}
