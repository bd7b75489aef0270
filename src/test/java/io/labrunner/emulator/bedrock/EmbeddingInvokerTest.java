package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.embed.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EmbeddingInvoker on its own, with an embedder that counts one token per word, for limits too slow to reach with a real model. */
class EmbeddingInvokerTest {
    private static final FoundationModels MODELS = FoundationModels.served();

    /** One token per word; a vector seeded by the text, so equal texts get equal vectors. */
    private static final class WordCountingEmbedder implements TextEmbedder {
        int calls;

        @Override
        public Embedding embed(String text) {
            calls++;
            Random random = new Random(text.hashCode());
            float[] vector = new float[dimensions()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) random.nextGaussian();
            }
            String trimmed = text.trim();
            return new Embedding(Vectors.normalized(vector), trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length);
        }

        @Override
        public int dimensions() {
            return 384;
        }
    }

    private final WordCountingEmbedder embedder = new WordCountingEmbedder();
    private final EmbeddingInvoker invoker = new EmbeddingInvoker(embedder);

    private static AwsRequest request(String body, Map<String, String> headers) {
        return new AwsRequest("POST", "/model/x/invoke", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8),
                "bedrock", "us-east-1", "test");
    }

    private AwsResponse invoke(String model, String body) {
        return invoker.handle("invoke", MODELS.require(model), request(body, Map.of()));
    }

    private static JsonNode json(AwsResponse response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static String words(int count) {
        return "word ".repeat(count).trim();
    }

    /** Words short enough that 600 of them stay under Cohere's 2,048 characters. */
    private static String letters(int count) {
        return "a ".repeat(count).trim();
    }

    private static String cohere(String text, String truncate) {
        var body = Json.object().put("input_type", "search_document").put("truncate", truncate);
        body.putArray("texts").add(text);
        return body.toString();
    }

    @Test
    void titanRefusesMoreThan8192Tokens() {
        String body = Json.object().put("inputText", words(8_193)).toString();

        assertThatThrownBy(() -> invoke("amazon.titan-embed-text-v2:0", body))
                .isInstanceOf(AwsException.class)
                .hasMessage("400 Bad Request: Too many input tokens. Max input tokens: 8192, request input token count: 8193");
    }

    @Test
    void titanTakesExactly8192Tokens() throws IOException {
        String body = Json.object().put("inputText", words(8_192)).toString();

        AwsResponse response = invoke("amazon.titan-embed-text-v1", body);

        assertThat(json(response).path("inputTextTokenCount").asInt()).isEqualTo(8_192);
        assertThat(response.headers()).containsEntry("X-Amzn-Bedrock-Input-Token-Count", "8192");
    }

    @Test
    void cohereRefusesATextOverItsTokenLimitUnlessAskedToTruncate() {
        assertThatThrownBy(() -> invoke("cohere.embed-english-v3", cohere(letters(600), "NONE")))
                .isInstanceOf(AwsException.class)
                .hasMessage("Input is too long for requested model.");
    }

    @Test
    void cohereTruncatesALongTextWhenToldWhichEndToDrop() throws IOException {
        AwsResponse end = invoke("cohere.embed-english-v3", cohere(letters(600), "END"));
        AwsResponse start = invoke("cohere.embed-english-v3", cohere(letters(600), "START"));

        assertThat(json(end).path("embeddings").get(0)).hasSize(1024);
        assertThat(Integer.parseInt(end.headers().get("X-Amzn-Bedrock-Input-Token-Count"))).isBetween(400, 512);
        assertThat(Integer.parseInt(start.headers().get("X-Amzn-Bedrock-Input-Token-Count"))).isBetween(400, 512);
    }

    @Test
    void cohereCountsTheTokensOfEveryText() throws IOException {
        var body = Json.object().put("input_type", "classification");
        body.putArray("texts").add(words(3)).add(words(4));

        AwsResponse response = invoke("cohere.embed-multilingual-v3", body.toString());

        assertThat(response.headers()).containsEntry("X-Amzn-Bedrock-Input-Token-Count", "7");
        assertThat(json(response).path("embeddings")).hasSize(2);
    }

    @Test
    void anInvalidRequestNeverReachesTheEmbedder() {
        assertThatThrownBy(() -> invoke("amazon.titan-embed-text-v2:0", "{\"inputText\":\"hi\",\"dimensions\":3}"))
                .isInstanceOf(AwsException.class);
        assertThat(embedder.calls).isZero();
    }

    @Test
    void severalTitanViolationsAreCountedAndSeveralCohereOnesListed() {
        assertThatThrownBy(() -> invoke("amazon.titan-embed-text-v2:0", "{\"inputText\":5,\"normalize\":\"yes\"}"))
                .hasMessage("Malformed input request: 2 schema violations found, please reformat your input and try again.");
        assertThatThrownBy(() -> invoke("cohere.embed-english-v3", "{\"texts\":\"one\",\"input_type\":\"search_query\","
                + "\"truncate\":\"MIDDLE\"}"))
                .hasMessage("Malformed input request: #/texts: expected type: JSONArray, found: String"
                        + "#/truncate: MIDDLE is not a valid enum value, please reformat your input and try again.");
    }

    @Test
    void aBodyThatIsNotAnObjectIsATypeViolation() {
        assertThatThrownBy(() -> invoke("amazon.titan-embed-text-v2:0", "[\"hello\"]"))
                .hasMessage("Malformed input request: #: expected type: JSONObject, found: JSONArray, "
                        + "please reformat your input and try again.");
    }

    @Test
    void aContentTypeOtherThanJsonIsRefused() {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "text/plain");

        assertThatThrownBy(() -> invoker.handle("invoke", MODELS.require("amazon.titan-embed-text-v2:0"),
                request("{\"inputText\":\"hi\"}", headers)))
                .hasMessage("The provided Content Type is invalid or not supported for this model");
    }

    @Test
    void jsonWithACharsetAndAnyAcceptTypeAreFine() {
        Map<String, String> headers = Map.of("content-type", "application/json; charset=utf-8", "accept", "*/*");

        AwsResponse response = invoker.handle("invoke", MODELS.require("amazon.titan-embed-text-v1"),
                request("{\"inputText\":\"hi\"}", headers));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
    }

    @Test
    void embeddingModelsDoNotStream() {
        for (String model : List.of("amazon.titan-embed-text-v2:0", "cohere.embed-english-v3")) {
            assertThatThrownBy(() -> invoker.handle("invoke-with-response-stream", MODELS.require(model),
                    request("{}", Map.of())))
                    .isInstanceOf(AwsException.class)
                    .hasMessage("The model is unsupported for streaming.");
        }
    }
}
