package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ModelCustomization;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

/** ListFoundationModels and GetFoundationModel through the SDK v2 Bedrock client. */
class BedrockFoundationModelSdkTest {
    private static final List<String> EMBEDDING_MODELS = List.of("amazon.titan-embed-text-v2:0",
            "amazon.titan-embed-text-v1", "cohere.embed-english-v3", "cohere.embed-multilingual-v3");

    private static Emulator emulator;
    private static BedrockClient bedrock;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        bedrock = EmulatorClients.pointedAt(BedrockClient.builder(), emulator).build();
    }

    @AfterAll
    static void stop() {
        bedrock.close();
        emulator.close();
    }

    private static List<FoundationModelSummary> listed(ModelModality output) {
        return bedrock.listFoundationModels(r -> r.byOutputModality(output)).modelSummaries();
    }

    private static List<String> ids(List<FoundationModelSummary> summaries) {
        return summaries.stream().map(FoundationModelSummary::modelId).toList();
    }

    @Test
    void everyServedModelIsListedWithAnArnInTheCallersRegion() {
        List<FoundationModelSummary> models = bedrock.listFoundationModels(r -> { }).modelSummaries();

        assertThat(ids(models)).containsAll(EMBEDDING_MODELS).contains("anthropic.claude-haiku-4-5-20251001-v1:0",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0",
                "amazon.nova-pro-v1:0");
        FoundationModelSummary titan = models.stream()
                .filter(m -> m.modelId().equals("amazon.titan-embed-text-v2:0")).findFirst().orElseThrow();
        assertThat(titan.modelArn())
                .isEqualTo("arn:aws:bedrock:" + emulator.getRegion() + "::foundation-model/amazon.titan-embed-text-v2:0");
        assertThat(titan.modelName()).isEqualTo("Titan Text Embeddings V2");
        assertThat(titan.providerName()).isEqualTo("Amazon");
        assertThat(titan.inputModalities()).containsExactly(ModelModality.TEXT);
        assertThat(titan.outputModalities()).containsExactly(ModelModality.EMBEDDING);
        assertThat(titan.responseStreamingSupported()).isFalse();
        assertThat(titan.inferenceTypesSupported()).containsExactly(InferenceType.ON_DEMAND);
        assertThat(titan.modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
    }

    @Test
    void theProviderFilterIgnoresCase() {
        assertThat(ids(bedrock.listFoundationModels(r -> r.byProvider("cohere")).modelSummaries()))
                .containsExactly("cohere.embed-english-v3", "cohere.embed-multilingual-v3");
        assertThat(ids(bedrock.listFoundationModels(r -> r.byProvider("Anthropic")).modelSummaries()))
                .isNotEmpty().allMatch(id -> id.startsWith("anthropic."));
    }

    @Test
    void filtersCombineOutputModalityWithProvider() {
        assertThat(ids(bedrock.listFoundationModels(r -> r.byOutputModality(ModelModality.EMBEDDING)).modelSummaries()))
                .containsExactlyElementsOf(EMBEDDING_MODELS);
        assertThat(ids(bedrock.listFoundationModels(r -> r.byOutputModality(ModelModality.TEXT).byProvider("amazon"))
                .modelSummaries()))
                .containsExactly("amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0",
                        "amazon.nova-2-lite-v1:0");
    }

    @Test
    void textModelsStreamAndEmbeddingModelsDoNot() {
        List<FoundationModelSummary> text = bedrock.listFoundationModels(r -> r.byOutputModality(ModelModality.TEXT))
                .modelSummaries();

        assertThat(text).hasSizeGreaterThan(5).allMatch(FoundationModelSummary::responseStreamingSupported);
        assertThat(listed(ModelModality.EMBEDDING)).noneMatch(FoundationModelSummary::responseStreamingSupported);
    }

    @Test
    void onDemandModelsAreFilteredFromProfileOnlyOnesAndNoneIsProvisioned() {
        List<FoundationModelSummary> all = bedrock.listFoundationModels(r -> { }).modelSummaries();
        assertThat(bedrock.listFoundationModels(r -> r.byInferenceType(InferenceType.ON_DEMAND)).modelSummaries())
                .containsExactlyElementsOf(all.stream()
                        .filter(m -> m.inferenceTypesSupported().contains(InferenceType.ON_DEMAND)).toList())
                .hasSizeLessThan(all.size());
        assertThat(bedrock.listFoundationModels(r -> r.byInferenceType(InferenceType.PROVISIONED)).modelSummaries())
                .isEmpty();
    }

    @Test
    void theCustomizationFilterFindsModelsThatCanBeFineTuned() {
        assertThat(ids(bedrock.listFoundationModels(r -> r.byCustomizationType(ModelCustomization.FINE_TUNING))
                .modelSummaries()))
                .containsExactly("amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0",
                        "meta.llama3-1-8b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0");
    }

    @Test
    void anUnknownFilterValueIsAValidationException() {
        assertThatThrownBy(() -> bedrock.listFoundationModels(r -> r.byOutputModality("SOUND")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'SOUND' at 'byOutputModality' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [TEXT, IMAGE, EMBEDDING]");
    }

    @Test
    void oneModelIsDescribedByItsIdOrItsArn() {
        FoundationModelDetails byId = bedrock.getFoundationModel(r -> r.modelIdentifier("amazon.nova-lite-v1:0"))
                .modelDetails();
        FoundationModelDetails byArn = bedrock.getFoundationModel(r -> r.modelIdentifier(byId.modelArn())).modelDetails();

        assertThat(byId.modelName()).isEqualTo("Nova Lite");
        assertThat(byId.inputModalities()).contains(ModelModality.TEXT, ModelModality.IMAGE);
        assertThat(byId.customizationsSupported()).contains(ModelCustomization.FINE_TUNING);
        assertThat(byArn).isEqualTo(byId);
    }

    @Test
    void anUnknownModelIsAValidationException() {
        assertThatThrownBy(() -> bedrock.getFoundationModel(r -> r.modelIdentifier("openai.gpt-9")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The provided model identifier is invalid.");
    }
}
