package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.embed.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** InvokeModel on the embedding models through the SDK v2 Bedrock Runtime client, vectors from all-MiniLM-L6-v2. */
class BedrockEmbeddingSdkTest {
    private static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";
    private static final String TITAN_V1 = "amazon.titan-embed-text-v1";
    private static final String COHERE = "cohere.embed-english-v3";
    private static final String QUESTION = "How long does a Kinesis stream keep its records?";
    private static final String ANSWER = "Kinesis Data Streams retains records for 24 hours by default, up to 365 days.";
    private static final String UNRELATED = "Knead the dough and let it rise for an hour before baking.";

    private static Emulator emulator;
    private static BedrockRuntimeClient runtime;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        runtime = EmulatorClients.pointedAt(BedrockRuntimeClient.builder(), emulator).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        emulator.close();
    }

    private static InvokeModelResponse invokeRaw(String model, String body) {
        return runtime.invokeModel(r -> r.modelId(model).body(SdkBytes.fromUtf8String(body)));
    }

    private static JsonNode invoke(String model, String body) {
        return json(invokeRaw(model, body));
    }

    private static JsonNode json(InvokeModelResponse response) {
        try {
            return Json.mapper().readTree(response.body().asUtf8String());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String titanBody(String text) {
        return Json.object().put("inputText", text).toString();
    }

    private static float[] vector(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) array.get(i).asDouble();
        }
        return vector;
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    private static String cohereBody(String inputType, List<String> texts) {
        var body = Json.object().put("input_type", inputType);
        texts.forEach(body.putArray("texts")::add);
        return body.toString();
    }

    @Test
    void titanV2AnswersAUnitVectorOf1024ValuesWithItsTokenCount() {
        InvokeModelResponse response = invokeRaw(TITAN_V2, titanBody(QUESTION));
        JsonNode body = json(response);

        float[] embedding = vector(body.path("embedding"));
        assertThat(embedding).hasSize(1024);
        assertThat(norm(embedding)).isCloseTo(1.0, within(1e-4));
        assertThat(body.path("inputTextTokenCount").asInt()).isBetween(8, 20);
        assertThat(vector(body.path("embeddingsByType").path("float"))).containsExactly(embedding);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Input-Token-Count"))
                .contains(body.path("inputTextTokenCount").asText());
        assertThat(response.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Invocation-Latency")).isPresent();
    }

    @Test
    void titanV2DimensionsChooseTheVectorLength() {
        for (int dimensions : new int[] {256, 512}) {
            JsonNode body = invoke(TITAN_V2, Json.object().put("inputText", ANSWER).put("dimensions", dimensions).toString());

            assertThat(vector(body.path("embedding"))).hasSize(dimensions);
            assertThat(norm(vector(body.path("embedding")))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void titanV2BinaryEmbeddingsAreTheSignsOfTheFloatOnes() {
        var request = Json.object().put("inputText", ANSWER).put("dimensions", 256);
        request.putArray("embeddingTypes").add("float").add("binary");

        JsonNode byType = invoke(TITAN_V2, request.toString()).path("embeddingsByType");

        float[] floats = vector(byType.path("float"));
        JsonNode bits = byType.path("binary");
        assertThat(bits).hasSize(256);
        for (int i = 0; i < floats.length; i++) {
            assertThat(bits.get(i).asInt()).isEqualTo(floats[i] > 0 ? 1 : 0);
        }
    }

    @Test
    void titanV1AnswersVectorsOf1536Values() {
        JsonNode body = invoke(TITAN_V1, titanBody(ANSWER));

        assertThat(vector(body.path("embedding"))).hasSize(1536);
        assertThat(norm(vector(body.path("embedding")))).isCloseTo(1.0, within(1e-4));
        assertThat(body.path("inputTextTokenCount").asInt()).isPositive();
        assertThat(body.has("embeddingsByType")).isFalse();
    }

    @Test
    void similarTextsScoreHigherThanUnrelatedOnesWithEveryModel() {
        for (String model : List.of(TITAN_V2, TITAN_V1)) {
            float[] question = vector(invoke(model, titanBody(QUESTION)).path("embedding"));
            float[] answer = vector(invoke(model, titanBody(ANSWER)).path("embedding"));
            float[] unrelated = vector(invoke(model, titanBody(UNRELATED)).path("embedding"));

            assertThat(Vectors.cosine(question, answer)).as(model).isGreaterThan(Vectors.cosine(question, unrelated) + 0.2);
        }
        JsonNode cohere = invoke(COHERE, cohereBody("search_document", List.of(QUESTION, ANSWER, UNRELATED)))
                .path("embeddings");
        assertThat(Vectors.cosine(vector(cohere.get(0)), vector(cohere.get(1))))
                .isGreaterThan(Vectors.cosine(vector(cohere.get(0)), vector(cohere.get(2))) + 0.2);
    }

    @Test
    void theSameTextGetsTheSameVectorEveryTime() {
        assertThat(vector(invoke(TITAN_V2, titanBody(ANSWER)).path("embedding")))
                .containsExactly(vector(invoke(TITAN_V2, titanBody(ANSWER)).path("embedding")));
    }

    @Test
    void cohereAnswersOneVectorOf1024ValuesPerText() {
        JsonNode body = invoke(COHERE, cohereBody("search_query", List.of(QUESTION, ANSWER)));

        assertThat(body.path("response_type").asText()).isEqualTo("embeddings_floats");
        assertThat(body.path("id").asText()).isNotEmpty();
        assertThat(body.path("texts")).extracting(JsonNode::asText).containsExactly(QUESTION, ANSWER);
        assertThat(body.path("embeddings")).hasSize(2);
        assertThat(vector(body.path("embeddings").get(1))).hasSize(1024);
        assertThat(norm(vector(body.path("embeddings").get(1)))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void cohereAnswersEachRequestedEmbeddingType() {
        var request = Json.object().put("input_type", "search_document");
        request.putArray("texts").add(ANSWER);
        request.putArray("embedding_types").add("float").add("int8").add("ubinary");

        JsonNode body = invoke("cohere.embed-multilingual-v3", request.toString());

        assertThat(body.path("response_type").asText()).isEqualTo("embeddings_by_type");
        JsonNode embeddings = body.path("embeddings");
        float[] floats = vector(embeddings.path("float").get(0));
        JsonNode int8 = embeddings.path("int8").get(0);
        assertThat(int8).hasSize(1024).allMatch(v -> v.asInt() >= -128 && v.asInt() <= 127);
        assertThat(Vectors.cosine(vector(int8), floats)).isGreaterThan(0.99);
        JsonNode packed = embeddings.path("ubinary").get(0);
        assertThat(packed).hasSize(128);
        assertThat(packed.get(0).asInt() >> 7).isEqualTo(floats[0] > 0 ? 1 : 0);
    }

    @Test
    void anUnknownModelIsAValidationException() {
        assertThatThrownBy(() -> invoke("amazon.titan-embed-text-v9", titanBody(QUESTION)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The provided model identifier is invalid.");
    }

    @Test
    void aMissingRequiredKeyIsAMalformedInputRequest() {
        assertThatThrownBy(() -> invoke(TITAN_V2, "{\"dimensions\":256}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #: required key [inputText] not found, "
                        + "please reformat your input and try again.");
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedInputRequest() {
        assertThatThrownBy(() -> invoke(TITAN_V2, "inputText=hello"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request, please reformat your input and try again.");
    }

    @Test
    void dimensionsOutsideTitansChoicesAreRejected() {
        assertThatThrownBy(() -> invoke(TITAN_V2, Json.object().put("inputText", QUESTION).put("dimensions", 768).toString()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #/dimensions: 768 is not a valid enum value, "
                        + "please reformat your input and try again.");
    }

    @Test
    void titanV2RefusesTextsLongerThan50000Characters() {
        String text = "a".repeat(50_001);

        assertThatThrownBy(() -> invoke(TITAN_V2, titanBody(text)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #/inputText: expected maxLength: 50000, actual: 50001, "
                        + "please reformat your input and try again.");
    }

    @Test
    void cohereRefusesTextsLongerThan2048Characters() {
        assertThatThrownBy(() -> invoke(COHERE, cohereBody("search_document", List.of("short", "b".repeat(2_049)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #/texts/1: expected maxLength: 2048, actual: 2049, "
                        + "please reformat your input and try again.");
    }

    @Test
    void cohereRefusesMoreThan96Texts() {
        List<String> texts = new ArrayList<>(Collections.nCopies(97, "a text"));

        assertThatThrownBy(() -> invoke(COHERE, cohereBody("clustering", texts)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #/texts: expected maximum item count: 96, found: 97, "
                        + "please reformat your input and try again.");
    }

    @Test
    void cohereNeedsAKnownInputType() {
        assertThatThrownBy(() -> invoke(COHERE, cohereBody("question", List.of(QUESTION))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #/input_type: question is not a valid enum value, "
                        + "please reformat your input and try again.");
    }

    @Test
    void aTitanBodySentToCohereListsEveryViolation() {
        assertThatThrownBy(() -> invoke(COHERE, titanBody(QUESTION)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #: required key [texts] not found"
                        + "#: required key [input_type] not found#: extraneous key [inputText] is not permitted, "
                        + "please reformat your input and try again.");
    }

    @Test
    void aTextModelsBodySentToTitanCountsItsViolations() {
        String claude = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

        assertThatThrownBy(() -> invoke(TITAN_V2, claude))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: 4 schema violations found, "
                        + "please reformat your input and try again.");
    }

    @Test
    void anAcceptTypeOtherThanJsonIsRefused() {
        assertThatThrownBy(() -> runtime.invokeModel(r -> r.modelId(TITAN_V2).accept("text/csv")
                .body(SdkBytes.fromUtf8String(titanBody(QUESTION)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The provided Accept Type is invalid or not supported for this model");
    }

    @Test
    void jsonContentAndAcceptTypesAreHonoured() {
        InvokeModelResponse response = runtime.invokeModel(r -> r.modelId(TITAN_V2).contentType("application/json")
                .accept("application/json").body(SdkBytes.fromUtf8String(titanBody(QUESTION))));

        assertThat(json(response).path("embedding")).hasSize(1024);
    }

    @Test
    void converseRefusesAnEmbeddingModel() {
        assertThatThrownBy(() -> runtime.converse(r -> r.modelId(TITAN_V2).messages(m -> m.role(ConversationRole.USER)
                .content(ContentBlock.fromText(QUESTION)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("This action doesn't support the model that you provided.");
    }
}
