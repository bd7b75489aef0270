package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * The catalogue as code written for AWS meets it through SDK v2: the listed text models each answer InvokeModel in
 * their provider's body format and Converse; the embedding models answer in theirs; retired ids, ids that run only
 * through an inference profile, and ARNs of the wrong kind get Bedrock's errors; the system-defined profiles are
 * listed and invocable by id and ARN.
 */
class BedrockCatalogueSdkTest {
    private static final String QUESTION = "Context: Amazon S3 stores objects in buckets. Question: Where does S3 store objects?";

    private static Emulator emulator;
    private static BedrockClient bedrock;
    private static BedrockRuntimeClient runtime;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        bedrock = EmulatorClients.pointedAt(BedrockClient.builder(), emulator).build();
        runtime = EmulatorClients.pointedAt(BedrockRuntimeClient.builder(), emulator).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        bedrock.close();
        emulator.close();
    }

    /** How code written for AWS calls a listed model: by its id when it runs on demand, else by its US profile. */
    private static String invocationId(FoundationModelSummary model) {
        return model.inferenceTypesSupportedAsStrings().contains("ON_DEMAND") ? model.modelId() : "us." + model.modelId();
    }

    private static List<FoundationModelSummary> listed(ModelModality output) {
        return bedrock.listFoundationModels(r -> r.byOutputModality(output)).modelSummaries();
    }

    private static JsonNode invoke(String modelId, String body) throws IOException {
        byte[] answer = runtime.invokeModel(r -> r.modelId(modelId).contentType("application/json")
                .body(SdkBytes.fromUtf8String(body))).body().asByteArray();
        return Json.mapper().readTree(answer);
    }

    /** A provider's own request body asking {@link #QUESTION}, and where its response carries the answer. */
    private static String nativeBody(FoundationModelSummary model) {
        String q = QUESTION;
        return switch (model.providerName()) {
            case "Anthropic" -> "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":200,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"" + q + "\"}]}";
            case "Amazon" -> "{\"schemaVersion\":\"messages-v1\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\""
                    + q + "\"}]}],\"inferenceConfig\":{\"maxTokens\":200}}";
            case "Meta" -> "{\"prompt\":\"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\n" + q
                    + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n\",\"max_gen_len\":200,\"temperature\":0.5}";
            case "Mistral AI" -> "{\"prompt\":\"<s>[INST] " + q + " [/INST]\",\"max_tokens\":200,\"temperature\":0.5}";
            default -> throw new AssertionError("no body for provider " + model.providerName());
        };
    }

    private static String answerText(FoundationModelSummary model, JsonNode response) {
        return switch (model.providerName()) {
            case "Anthropic" -> response.path("content").path(0).path("text").asText();
            case "Amazon" -> response.path("output").path("message").path("content").path(0).path("text").asText();
            case "Meta" -> response.path("generation").asText();
            case "Mistral AI" -> response.path("outputs").path(0).path("text").asText();
            default -> throw new AssertionError(model.providerName());
        };
    }

    @Test
    void theCatalogueListsCurrentModelsOfEveryProviderWithTheirInferenceTypes() {
        List<FoundationModelSummary> text = listed(ModelModality.TEXT);

        assertThat(text).extracting(FoundationModelSummary::providerName)
                .contains("Amazon", "Anthropic", "Meta", "Mistral AI");
        FoundationModelSummary haiku = text.stream()
                .filter(m -> m.modelId().equals("anthropic.claude-haiku-4-5-20251001-v1:0")).findFirst().orElseThrow();
        assertThat(haiku.inferenceTypesSupportedAsStrings()).containsExactly("INFERENCE_PROFILE");
        assertThat(haiku.modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
        assertThat(text).filteredOn(m -> m.modelLifecycle().status() == FoundationModelLifecycleStatus.LEGACY)
                .extracting(FoundationModelSummary::modelId).contains("anthropic.claude-opus-4-1-20250805-v1:0");
        assertThat(bedrock.listFoundationModels(r -> r.byInferenceType(InferenceType.ON_DEMAND)).modelSummaries())
                .extracting(FoundationModelSummary::modelId)
                .contains("amazon.nova-micro-v1:0", "meta.llama3-8b-instruct-v1:0", "amazon.titan-embed-text-v2:0")
                .doesNotContain("anthropic.claude-haiku-4-5-20251001-v1:0", "meta.llama3-3-70b-instruct-v1:0");
        assertThat(bedrock.listFoundationModels(r -> r.byProvider("meta")).modelSummaries())
                .isNotEmpty().allMatch(m -> m.modelId().startsWith("meta."));
    }

    @Test
    void everyListedTextModelAnswersInvokeModelInItsProvidersFormat() throws IOException {
        List<String> answered = new ArrayList<>();
        for (FoundationModelSummary model : listed(ModelModality.TEXT)) {
            JsonNode response = invoke(invocationId(model), nativeBody(model));

            assertThat(answerText(model, response)).as(model.modelId() + " answered " + response).contains("buckets");
            answered.add(model.modelId());
        }
        assertThat(answered).hasSizeGreaterThan(15);
    }

    @Test
    void everyListedTextModelAnswersConverse() {
        for (FoundationModelSummary model : listed(ModelModality.TEXT)) {
            String text = runtime.converse(r -> r.modelId(invocationId(model)).messages(m -> m.role(ConversationRole.USER)
                    .content(ContentBlock.fromText(QUESTION)))).output().message().content().get(0).text();

            assertThat(text).as(model.modelId()).contains("buckets");
        }
    }

    @Test
    void llamaAndMistralBodiesAreCheckedAgainstTheirSchemas() {
        assertThatThrownBy(() -> invoke("meta.llama3-8b-instruct-v1:0", "{\"prompt\":\"hi\",\"max_gen_len\":5000}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request: #/max_gen_len: 5000 is not less or equal to 2048");
        assertThatThrownBy(() -> invoke("mistral.mistral-7b-instruct-v0:2", "{\"inputText\":\"hi\"}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("#: required key [prompt] not found")
                .hasMessageContaining("#: extraneous key [inputText] is not permitted");
    }

    @Test
    void aLlamaAnswerSaysHowItStoppedAndCountsTokens() throws IOException {
        JsonNode response = invoke("meta.llama3-70b-instruct-v1:0",
                "{\"prompt\":\"[INST] <<SYS>>Answer briefly.<</SYS>> " + QUESTION + " [/INST]\",\"max_gen_len\":300}");

        assertThat(response.path("stop_reason").asText()).isEqualTo("stop");
        assertThat(response.path("prompt_token_count").asInt()).isPositive();
        assertThat(response.path("generation_token_count").asInt()).isPositive();
    }

    @Test
    void everyListedEmbeddingModelAnswersInItsFormat() throws IOException {
        for (FoundationModelSummary model : listed(ModelModality.EMBEDDING)) {
            JsonNode response = model.providerName().equals("Cohere")
                    ? invoke(model.modelId(), "{\"texts\":[\"a bucket of objects\"],\"input_type\":\"search_document\"}")
                    : invoke(model.modelId(), "{\"inputText\":\"a bucket of objects\"}");
            JsonNode vector = model.providerName().equals("Cohere") ? response.path("embeddings").path(0)
                    : response.path("embedding");

            assertThat(vector.size()).as(model.modelId()).isGreaterThanOrEqualTo(256);
        }
    }

    @Test
    void retiredModelsAnswerThatTheyReachedTheEndOfTheirLife() {
        for (String id : List.of("amazon.titan-text-express-v1", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-haiku-20240307-v1:0")) {
            assertThatThrownBy(() -> runtime.converse(r -> r.modelId(id).messages(m -> m.role(ConversationRole.USER)
                    .content(ContentBlock.fromText("hi")))))
                    .as(id)
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("This model version has reached the end of its life. "
                            + "Please refer to the AWS documentation for more details.");
        }
        assertThatThrownBy(() -> bedrock.getFoundationModel(r -> r.modelIdentifier("amazon.titan-text-express-v1")))
                .isInstanceOf(software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException.class)
                .hasMessageStartingWith("This model version has reached the end of its life.");
        assertThat(bedrock.listFoundationModels(r -> { }).modelSummaries()).extracting(FoundationModelSummary::modelId)
                .doesNotContain("amazon.titan-text-express-v1", "anthropic.claude-3-5-sonnet-20241022-v2:0");
    }

    @Test
    void aModelThatRunsOnlyThroughAProfileIsRefusedByItsOwnId() {
        assertThatThrownBy(() -> invoke("anthropic.claude-haiku-4-5-20251001-v1:0", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand"
                        + " throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile"
                        + " that contains this model.");
    }

    @Test
    void onlyBedrockFoundationModelArnsNameAFoundationModel() {
        String region = emulator.getRegion();
        assertThatThrownBy(() -> invoke("arn:aws:lambda:" + region + "::foundation-model/amazon.nova-micro-v1:0", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'arn:aws:lambda:" + region
                        + "::foundation-model/amazon.nova-micro-v1:0' at 'modelId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> invoke("arn:aws:lambda:" + region + ":123456789012:function:nova", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The provided model identifier is invalid.");
        assertThatThrownBy(() -> invoke("amazon.nova-nano-v9:0", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The provided model identifier is invalid.");
    }

    @Test
    void aFoundationModelArnAnswersLikeItsId() throws IOException {
        FoundationModelSummary nova = listed(ModelModality.TEXT).stream()
                .filter(m -> m.modelId().equals("amazon.nova-micro-v1:0")).findFirst().orElseThrow();

        JsonNode response = invoke(nova.modelArn(), nativeBody(nova));

        assertThat(answerText(nova, response)).contains("buckets");
    }

    @Test
    void theSystemDefinedProfilesAreListedAndInvocableByIdAndArn() throws IOException {
        List<InferenceProfileSummary> profiles = bedrock.listInferenceProfiles(r -> { }).inferenceProfileSummaries();
        InferenceProfileSummary haiku = profiles.stream()
                .filter(p -> p.inferenceProfileId().equals("us.anthropic.claude-haiku-4-5-20251001-v1:0"))
                .findFirst().orElseThrow();

        assertThat(haiku.inferenceProfileArn()).isEqualTo("arn:aws:bedrock:" + emulator.getRegion() + ":"
                + Emulator.ACCOUNT_ID + ":inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(haiku.inferenceProfileName()).isEqualTo("US Anthropic Claude Haiku 4.5");
        assertThat(haiku.typeAsString()).isEqualTo("SYSTEM_DEFINED");
        assertThat(haiku.statusAsString()).isEqualTo("ACTIVE");
        assertThat(haiku.models()).extracting(m -> m.modelArn())
                .contains("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(profiles).extracting(InferenceProfileSummary::inferenceProfileId)
                .contains("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "us.amazon.nova-micro-v1:0")
                .noneMatch(id -> id.startsWith("eu."));
        assertThat(bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier(haiku.inferenceProfileArn()))
                .inferenceProfileId()).isEqualTo(haiku.inferenceProfileId());

        FoundationModelSummary model = listed(ModelModality.TEXT).stream()
                .filter(m -> m.modelId().equals("anthropic.claude-haiku-4-5-20251001-v1:0")).findFirst().orElseThrow();
        assertThat(answerText(model, invoke(haiku.inferenceProfileArn(), nativeBody(model)))).contains("buckets");
        assertThat(answerText(model, invoke("global.anthropic.claude-haiku-4-5-20251001-v1:0", nativeBody(model))))
                .contains("buckets");
    }

    @Test
    void aProfileOfAnotherGeographyOrAnUnknownOneIsRefused() {
        assertThatThrownBy(() -> invoke("eu.anthropic.claude-haiku-4-5-20251001-v1:0", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The provided model identifier is invalid.");
        assertThatThrownBy(() -> bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier("us.openai.gpt-9")))
                .isInstanceOf(software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException.class);
        assertThat(bedrock.listInferenceProfiles(r -> r.typeEquals("APPLICATION")).inferenceProfileSummaries()).isEmpty();
    }

    @Test
    void profilesArePagedWithMaxResults() {
        int all = bedrock.listInferenceProfiles(r -> { }).inferenceProfileSummaries().size();
        List<String> seen = new ArrayList<>();
        bedrock.listInferenceProfilesPaginator(r -> r.maxResults(5)).inferenceProfileSummaries()
                .forEach(p -> seen.add(p.inferenceProfileId()));

        assertThat(seen).hasSize(all).doesNotHaveDuplicates();
    }
}
